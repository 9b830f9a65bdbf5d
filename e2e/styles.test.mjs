// End-to-end: the widget stylesheet that post-build minifies with lightningcss
// (tools/post-build.mjs) styles every element of the widget exactly as the
// source styles/widget.css does, in light and dark mode, with forced colors,
// reduced motion and in print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setUp, openPage, widgetReady } from './helpers.mjs';
import { STYLES, widgetCss } from '../tools/post-build.mjs';

const SOURCE = readFileSync(STYLES, 'utf8');
const env = setUp();

/**
 * In the page: every computed property of every element of the widget, styled
 * by its own sheet (the largest it adopts) and then by `css` in its place.
 * Returns the number of elements and each difference.
 */
function differencesWith(page, css) {
  return page.evaluate((css) => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const sheet = root.adoptedStyleSheets.reduce((a, b) => (b.cssRules.length > a.cssRules.length ? b : a));
    const snapshot = () => [...root.querySelectorAll('*')].map((element) => {
      const computed = getComputedStyle(element);
      const props = {};
      // Custom properties compute to their text (#fff and #ffffff differ);
      // the properties that use them compare by value.
      for (let i = 0; i < computed.length; i++) {
        if (!computed[i].startsWith('--')) props[computed[i]] = computed.getPropertyValue(computed[i]);
      }
      // lightningcss writes `background: none` as `background: 0 0`: a position
      // (0px instead of 0%) that nothing shows while there is no image.
      if (props['background-image'] === 'none') delete props['background-position'];
      return { name: `${element.localName}.${element.getAttribute('class') || ''}`, props };
    });
    const before = snapshot();
    const original = [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
    sheet.replaceSync(css);
    const after = snapshot();
    sheet.replaceSync(original);
    const differences = [];
    before.forEach((element, i) => {
      for (const [prop, value] of Object.entries(element.props)) {
        const other = after[i].props[prop];
        if (other !== value) differences.push(`${element.name}: ${prop} ${value} → ${other}`);
      }
    });
    return { elements: before.length, differences };
  }, css);
}

test('the minified stylesheet is what the loader carries, and much smaller than its source', async () => {
  const { page } = await openPage(env.browser, env.server.url);
  await widgetReady(page);
  const minified = widgetCss();
  assert.ok(minified.length < SOURCE.length * 0.75, `${minified.length} bytes minified, ${SOURCE.length} in the source`);
  assert.ok(!minified.includes('/*'), 'no comments');
  const adopted = await page.evaluate(() => document.querySelector('treatment-guide').shadowRoot.adoptedStyleSheets
    .map((sheet) => sheet.cssRules.length));
  const parsed = await page.evaluate((css) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css); return sheet.cssRules.length; }, minified);
  assert.ok(adopted.includes(parsed), `the widget adopts a sheet of ${parsed} rules: ${adopted}`);
});

for (const [name, media] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['forced colors', { forcedColors: 'active' }],
  ['reduced motion', { reducedMotion: 'reduce' }],
  ['print', { media: 'print' }],
]) {
  test(`the minified stylesheet styles every element as its source does (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, `${env.server.url}#tg-drug-cytarabine`, { viewport: { width: 1000, height: 900 } });
    await widgetReady(page);
    await page.locator('treatment-guide [data-tg-action="expand-all"]').click();
    await page.locator('treatment-guide .tg-card-title').waitFor();
    await page.emulateMedia(media);
    const { elements, differences } = await differencesWith(page, SOURCE);
    assert.ok(elements > 200, `compared ${elements} elements`);
    assert.deepEqual(differences, []);
    assert.deepEqual(problems, []);
  });
}
