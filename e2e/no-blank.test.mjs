// End-to-end: never a blank screen. The README's anti-jump rule holds the
// guide's space only while a script may still define the element; with
// JavaScript off, or a loader the browser refuses (a wrong integrity hash),
// the plain guide pasted inside the element fills the space instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { newContext, setUp, widgetReady, DIST, hostPage } from './helpers.mjs';
import { sri } from '../tools/sri.mjs';

const PREFIX = '/tg/';
/** The README's rule, exactly as web staff copy it (the css block that names `scripting`). */
const RULE = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  .match(/```css\n([^`]*scripting: enabled[^`]*)```/)[1];
const FALLBACK = readFileSync(`${DIST}fallback.html`, 'utf8');
/** How long the rule waits for a script before it gives up (README: 4 seconds). */
const WAIT_MS = 4000;
const routes = {};

routes['/host.css'] = { type: 'text/css', body: RULE };
const env = setUp({ prefix: PREFIX, routes });

/** A host article with the README's rule; `inside` is what the host pasted inside the element. */
function host(path, { integrity = null, inside = '' } = {}) {
  const pin = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  routes[path] = {
    body: hostPage({ head: '\n<link rel="stylesheet" href="/host.css">', prefix: PREFIX, script: `${pin} defer`,
      body: `<main><h1>A charity article</h1><p>Before the guide.</p>
<treatment-guide>${inside}</treatment-guide><p id="after">Host text after the guide.</p></main>` }),
  };
  return new URL(path, env.server.url).origin + path;
}

/**
 * The element's height, and whether the plain guide pasted inside it (its
 * light DOM, not the widget's shadow root) is on screen: laid out and visible.
 */
function layout(page) {
  return page.evaluate(() => {
    const element = document.querySelector('treatment-guide');
    const heading = element.querySelector('h2');
    const shown = !!heading && heading.getClientRects().length > 0 && getComputedStyle(heading).visibility === 'visible';
    return { height: element.getBoundingClientRect().height, shown, defined: !!customElements.get('treatment-guide') };
  });
}

/** Waits until the pasted plain guide is on screen. */
async function untilShown(page, timeout) {
  const until = Date.now() + timeout;
  while (!(await layout(page)).shown) {
    if (Date.now() > until) throw new Error(`the plain guide was not shown within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

test('JavaScript off: no blank space; the pasted plain guide shows at once', async () => {
  const ctx = await newContext(env.browser, { javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(host('/off-empty.html'));
  const empty = await layout(page);
  assert.ok(empty.height < 10, `an empty element takes no room without script (was 100vh): ${empty.height}px`);

  await page.goto(host('/off-fallback.html', { inside: FALLBACK }));
  const filled = await layout(page);
  assert.ok(filled.shown, 'the plain guide is visible at once');
  const gap = await page.evaluate(() => {
    const element = document.querySelector('treatment-guide');
    return element.firstElementChild.getBoundingClientRect().top - element.getBoundingClientRect().top;
  });
  assert.ok(gap < 50, `the plain guide starts at the top of the element, no blank screen above it: ${gap}px`);
  await ctx.close();
});

test('a wrong integrity hash: the plain guide fills the space once the rule gives up waiting', async () => {
  const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
  const ctx = await newContext(env.browser, { viewport: { width: 800, height: 900 } });
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  const started = Date.now();
  await page.goto(host('/wrong-hash.html', { integrity: wrong, inside: FALLBACK }));
  await page.waitForLoadState('load');
  assert.ok(problems.some((p) => /integrity/i.test(p)), `the browser refused the loader: ${JSON.stringify(problems)}`);
  const waiting = await layout(page);
  assert.equal(waiting.defined, false);
  if (Date.now() - started < WAIT_MS - 1000) assert.equal(waiting.shown, false, 'hidden while a script may still come');
  await untilShown(page, WAIT_MS + 4000);
  const after = await layout(page);
  assert.ok(after.shown && !after.defined, 'the plain guide is shown, though the widget never ran');
  const text = await page.evaluate(() => document.querySelector('treatment-guide').innerText);
  assert.match(text, /vincristine/, 'the whole guide is readable');

  // The same page with an empty element gives the space back instead of keeping a screen of blank.
  await page.goto(host('/wrong-hash-empty.html', { integrity: wrong }));
  await page.waitForTimeout(WAIT_MS + 500);
  const empty = await layout(page);
  assert.ok(empty.height < 10, `no blank screen left behind: ${empty.height}px`);
  await ctx.close();
});

test('the right hash: the widget takes over and the pasted plain guide is never shown', async () => {
  const integrity = sri(`${DIST}treatment-guide.js`);
  const ctx = await newContext(env.browser, { viewport: { width: 800, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(host('/right-hash.html', { integrity, inside: FALLBACK }));
  await widgetReady(page);
  const live = await layout(page);
  assert.equal(live.defined, true);
  assert.equal(live.shown, false, 'the light-DOM plain guide is not rendered under the widget');
  assert.equal(await page.locator('treatment-guide .tg-mount[data-tg-live]').count(), 1);
  await ctx.close();
});
