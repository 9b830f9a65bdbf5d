// End-to-end: the standalone page shows the nine sections, which open and
// close by mouse and keyboard, and axe-core finds no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, widgetReady, axeViolations, screenshot, SECTION_IDS } from './helpers.mjs';

const env = setUp();

const header = (page, id) => page.locator(`treatment-guide [data-tg-section="${id}"] .tg-heading > button`);

test('the standalone page renders the nine sections in order', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await widgetReady(page);
  const ids = await page.locator('treatment-guide [data-tg-section]').evaluateAll((els) => els.map((e) => e.dataset.tgSection));
  assert.deepEqual(ids, SECTION_IDS);
  for (const id of SECTION_IDS) {
    assert.equal(await header(page, id).getAttribute('aria-expanded'), 'false');
  }
  assert.match(await page.locator('treatment-guide .tg-footer').innerText(), /(Medically reviewed on \d{1,2}\s[A-Z][a-z]+ \d{4}|has not yet had a medical review)[^]*\n[^]*Content version \d+\.\d+\.\d+/);
  assert.deepEqual(problems, []);
});

test('sections toggle by click, Enter and Space', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await widgetReady(page);
  const chemo = header(page, 'chemotherapy');
  await chemo.click();
  assert.equal(await chemo.getAttribute('aria-expanded'), 'true');
  const panel = page.locator(`treatment-guide #${await chemo.getAttribute('aria-controls')}`);
  assert.ok(await panel.isVisible());
  assert.match(await panel.innerText(), /Adriamycin/);

  await chemo.press('Enter');
  assert.equal(await chemo.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await panel.isVisible()));
  await chemo.press(' ');
  assert.equal(await chemo.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await header(page, 'targeted-therapy').evaluate((b) => b.getRootNode().activeElement === b), true);
});

test('Tab reaches the controls in order with a visible focus ring', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await widgetReady(page);
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const el = root.activeElement;
    return el && { text: el.textContent.trim(), outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
  });
  const role = () => page.evaluate(() => document.querySelector('treatment-guide').shadowRoot.activeElement?.getAttribute('role'));
  assert.equal(await role(), 'combobox', 'the drug lookup comes first');
  await page.keyboard.press('Tab');
  const openAll = await focused();
  assert.equal(openAll.text, 'Open all sections');
  assert.equal(openAll.outline, 'solid');
  assert.notEqual(openAll.width, '0px');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).text, 'Close all sections');
  await page.keyboard.press('Tab');
  assert.match((await focused()).text, /relapsed and refractory/i);
});

test('deep link #tg-immunotherapy opens that section', async () => {
  const { page } = await openPage(env.browser, `${env.server.url}#tg-immunotherapy`);
  await widgetReady(page);
  await page.waitForFunction(() => document.querySelector('treatment-guide').shadowRoot
    .querySelector('[data-tg-section="immunotherapy"] .tg-heading > button').getAttribute('aria-expanded') === 'true');
  assert.equal(await header(page, 'chemotherapy').getAttribute('aria-expanded'), 'false');
});

test('printing shows every section', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await widgetReady(page);
  await page.emulateMedia({ media: 'print' });
  // Closed sections get their text one task after the first render.
  await page.waitForFunction(() => [...document.querySelector('treatment-guide').shadowRoot.querySelectorAll('.tg-panel')]
    .every((panel) => panel.textContent.trim().length > 0));
  const visible = await page.locator('treatment-guide .tg-panel').evaluateAll((els) =>
    els.filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0).length);
  assert.equal(visible, 9);
});

for (const [name, viewport, scheme] of [
  ['phone-light', { width: 375, height: 800 }, 'light'],
  ['phone-dark', { width: 375, height: 800 }, 'dark'],
  ['desktop-light', { width: 1280, height: 900 }, 'light'],
  ['desktop-dark', { width: 1280, height: 900 }, 'dark'],
  ['narrow-320', { width: 320, height: 700 }, 'light'],
]) {
  test(`axe-core finds no violations with every section open (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, `${env.server.url}`, { viewport, colorScheme: scheme, bypassCSP: true });
    await widgetReady(page);
    await page.locator('treatment-guide [data-tg-action="expand-all"]').click();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${viewport.width}px (overflow ${overflow}px)`);
    // WCAG 2.5.8: words inside a sentence are exempt (inline targets); every other control is 24px or more.
    const small = await page.locator('treatment-guide button, treatment-guide input, treatment-guide a').evaluateAll((els) =>
      els.filter((b) => !b.closest('p, li') || !b.matches('.tg-mention-word'))
        .filter((b) => b.checkVisibility())
        .filter((b) => { const r = b.getBoundingClientRect(); return r.height < 24 || r.width < 24; })
        .map((b) => b.outerHTML.slice(0, 80)));
    assert.deepEqual(small, [], 'touch targets are at least 24px');
    await screenshot(page, name);
    assert.deepEqual(problems, []);
  });
}

test('a help bubble opened near the right edge of a phone stays on screen', async () => {
  const { page } = await openPage(env.browser, env.server.url, { viewport: { width: 320, height: 700 } });
  await widgetReady(page);
  await header(page, 'chemotherapy').click();
  // Toggletip buttons and later mentions alike: every word that opens a bubble.
  const words = page.locator('treatment-guide [data-tg-section=chemotherapy] [data-tg-tip]');
  const count = await words.count();
  let rightmost = 0;
  let best = 0;
  for (let i = 0; i < count; i += 1) {
    const box = await words.nth(i).boundingBox();
    if (box && box.x + box.width > rightmost) { rightmost = box.x + box.width; best = i; }
  }
  await words.nth(best).click();
  const bubble = page.locator(`treatment-guide #${await words.nth(best).getAttribute('data-tg-tip')} .tg-bubble`);
  assert.ok(await bubble.isVisible());
  const box = await bubble.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 320, `bubble inside the screen: ${JSON.stringify(box)}`);
  const wordBox = await words.nth(best).boundingBox();
  assert.ok(box.y >= wordBox.y + wordBox.height - 2, 'the bubble is below its word');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
  await screenshot(page, 'bubble-320');
});

test('forced colors: no axe violations and a visible focus ring; reduced motion: no animation', async () => {
  const { page } = await openPage(env.browser, env.server.url, { forcedColors: 'active', reducedMotion: 'reduce', bypassCSP: true });
  await widgetReady(page);
  await page.locator('treatment-guide [data-tg-action="expand-all"]').click();
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('treatment-guide input[role=combobox]').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.querySelector('treatment-guide').shadowRoot.activeElement;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  assert.equal(ring.style, 'solid');
  assert.notEqual(ring.width, '0px');
  const transition = await page.locator('treatment-guide .tg-chevron').first().evaluate((e) => getComputedStyle(e).transitionDuration);
  assert.equal(transition, '0s');
});
