// End-to-end: several widgets on one page: independent, one download, deep
// links to each; the themed example page with two widgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openPage, axeViolations, screenshot } from './helpers.mjs';
import { embedSetUp, PREFIX, WASM, newsPage, widget, toggle, combobox, options, ready, expanded, allClosed, lookUp } from './embed-host.mjs';
import { startServer } from '../tools/static-server.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { env, route } = embedSetUp();

// ------------------------------------------------------- 3. two widgets

const TWO = newsPage({
  body: `<main><h1>Two guides</h1>
    <article><h2>For patients</h2><treatment-guide></treatment-guide></article>
    <aside><h2>For families</h2><treatment-guide heading-level="3"></treatment-guide></aside></main>`,
});

test('two widgets on one page are independent and share one download', async () => {
  const url = route('/two.html', TWO);
  const start = env.server.requests.length;
  const { page, problems, requests } = await openPage(env.browser, url);
  await ready(page, 0);
  await ready(page, 1);

  await toggle(page, 'chemotherapy', 0).click();
  assert.deepEqual(await expanded(page, 0), { ...allClosed, chemotherapy: 'true' });
  assert.deepEqual(await expanded(page, 1), allClosed, 'widget 2 unchanged');
  await page.waitForFunction((h) => location.hash === h, '#tg-chemotherapy');
  assert.equal(new URL(page.url()).hash, '#tg-chemotherapy', 'the first widget owns #tg-…');

  await toggle(page, 'immunotherapy', 1).click();
  assert.deepEqual(await expanded(page, 1), { ...allClosed, immunotherapy: 'true' });
  assert.deepEqual(await expanded(page, 0), { ...allClosed, chemotherapy: 'true' }, 'widget 1 unchanged');
  await page.waitForFunction((h) => location.hash === h, '#tg2-immunotherapy');
  assert.equal(new URL(page.url()).hash, '#tg2-immunotherapy', 'the second widget owns #tg2-…');

  const suggestions = await lookUp(page, 'Adriamycin', 1);
  assert.ok(suggestions[0].startsWith('doxorubicin'));
  assert.equal(await combobox(page, 0).inputValue(), '');
  assert.equal(await combobox(page, 0).getAttribute('aria-expanded'), 'false');
  assert.equal(await options(page, 0).count(), 0);

  const wasmFetches = env.server.requests.slice(start).filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasmFetches, [`${PREFIX}${WASM}`], 'the wasm is requested once');
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1);
  assert.deepEqual(problems, []);
});

test('#tg2-… deep links open only the second widget, #tg-… only the first', async () => {
  for (const [hash, n] of [['#tg2-immunotherapy', 1], ['#tg-immunotherapy', 0]]) {
    const { ctx, page, problems } = await openPage(env.browser, `${route('/two.html', TWO)}${hash}`);
    await ready(page, 0);
    await ready(page, 1);
    await toggle(page, 'immunotherapy', n).and(page.locator('[aria-expanded="true"]')).waitFor();
    assert.deepEqual(await expanded(page, n), { ...allClosed, immunotherapy: 'true' }, `${hash} opens it in widget ${n + 1}`);
    assert.deepEqual(await expanded(page, 1 - n), allClosed, `${hash} leaves widget ${2 - n} alone`);
    assert.deepEqual(problems, []);
    await ctx.close();
  }
});

test('a copied "Mentioned in" link of the second widget, opened in a new tab, opens that widget\'s section', async () => {
  const url = route('/two.html', TWO);
  const { ctx, page, problems } = await openPage(env.browser, url);
  await ready(page, 0);
  await ready(page, 1);
  await lookUp(page, 'Oncovin', 1);
  await combobox(page, 1).press('Enter');
  const link = widget(page, 1).locator('.tg-card a[data-tg-goto="chemotherapy"]');
  const href = await link.getAttribute('href');
  assert.equal(href, '#tg2-chemotherapy', 'the second widget links with its own prefix');
  // The link as a reader copies it, opened in a new tab.
  const copied = new URL(href, page.url()).href;
  const tab = await ctx.newPage();
  await tab.goto(copied);
  await ready(tab, 0);
  await ready(tab, 1);
  await toggle(tab, 'chemotherapy', 1).and(tab.locator('[aria-expanded="true"]')).waitFor();
  assert.deepEqual(await expanded(tab, 0), allClosed, 'the first widget stays closed');
  assert.deepEqual(problems, []);
});

// ------------------------------------------------------- example and SRI

/** Opens the example page from a server of the repository root (so that ../dist/ resolves). */
async function openExample(site) {
  const opened = await openPage(env.browser, `${site.url}examples/two-themed-widgets.html`,
    { viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await ready(opened.page, 0);
  await ready(opened.page, 1);
  for (const n of [0, 1]) await widget(opened.page, n).locator('[data-tg-action="expand-all"]').click();
  await lookUp(opened.page, 'Kymriah', 1);
  return opened;
}

/** axe violations of the example in light and dark mode. */
async function exampleViolations(page) {
  const found = {};
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    found[colorScheme] = await axeViolations(page);
  }
  return found;
}

test('examples/two-themed-widgets.html: two different accent colours, no other axe violation', async () => {
  const site = await startServer({ root: ROOT });
  try {
    const { ctx, page, problems, requests } = await openExample(site);
    assert.equal(await page.locator('treatment-guide').count(), 2);
    const accents = [];
    for (const n of [0, 1]) {
      accents.push(await widget(page, n).locator('.tg-root').evaluate((root) => ({
        color: getComputedStyle(root.querySelector('.tg-drug')).color,
        border: getComputedStyle(root.querySelector('.tg-chevron')).borderRightColor,
      })));
    }
    assert.equal(accents[0].color, accents[0].border, 'the accent colours drug names and chevrons alike');
    assert.equal(accents[1].color, accents[1].border);
    assert.notEqual(accents[0].color, accents[1].color, 'the two widgets have different accents');
    const defaultAccent = 'rgb(11, 92, 138)';
    assert.ok(accents.every((a) => a.color !== defaultAccent), `both themed, not the default: ${JSON.stringify(accents)}`);
    await screenshot(page, 'example-two-themed-widgets');
    // landmark-unique has its own test below (a widget bug, not the example's).
    const found = await exampleViolations(page);
    for (const scheme of Object.keys(found)) {
      assert.deepEqual(found[scheme].filter((v) => v.id !== 'landmark-unique'), [], `${scheme} mode`);
    }
    assert.deepEqual(requests.filter((u) => !u.startsWith(site.url)), [], 'the example loads nothing from elsewhere');
    assert.deepEqual(problems, []);
    await ctx.close();
  } finally {
    await site.close();
  }
});

test('examples/two-themed-widgets.html: zero axe violations with two widgets on the page',
  async () => {
    const site = await startServer({ root: ROOT });
    try {
      const { ctx, page } = await openExample(site);
      assert.deepEqual(await exampleViolations(page), { light: [], dark: [] });
      await ctx.close();
    } finally {
      await site.close();
    }
  });
