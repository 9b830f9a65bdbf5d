// End-to-end: the guide before the code is the guide after it. The loader
// paints the prerendered guide as the element's attributes ask (`open`,
// `heading-level`, `lang`, the page's n-th guide's id prefix) while the
// WebAssembly is held back; when it comes, nothing moves (no layout shift,
// on the phone profile) and nothing changes level or state. Without
// WebAssembly for good, the plain guide follows the same attributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setUp, newContext, widgetReady, SECTION_IDS, hostPage } from './helpers.mjs';
import { PHONE_VIEWPORT, phoneProfile } from '../tools/browser.mjs';

const PREFIX = '/tg/';
const routes = {};
const shared = setUp({ prefix: PREFIX, routes, gzip: true });
/** The cases the code's reading of the attributes follows too (tests/attribute_rules.rs). */
const CASES = JSON.parse(readFileSync(new URL('../tests/cases/attributes.json', import.meta.url), 'utf8')).cases;
/** The README's rule that holds the element's space until the loader runs, as web staff copy it. */
const RULE = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  .match(/```css\n([^`]*scripting: enabled[^`]*)```/)[1];
/** Far below the fold: the guide after it waits to load (the loader's NEAR is one window). */
const FAR = '<div style="height: 6000px">A long host article.</div>';

/** A host page with `body` and the README's rule; returns its URL. */
function host(path, body, lang = 'en') {
  routes[path] = {
    body: hostPage({ lang, head: `\n<style>${RULE}</style>`, prefix: PREFIX,
      body: `<h1>A charity article</h1><p>Before the guide.</p>${body}<p id="after">Host text after the guide.</p>` }),
  };
  return `${shared.origin()}${path}`;
}

/** An element with the attributes of `attributes` (null values left out). */
function element(attributes) {
  const set = Object.entries(attributes).filter(([, v]) => v !== null)
    .map(([name, value]) => ` ${name}="${String(value).replace(/"/g, '&quot;')}"`).join('');
  return `<treatment-guide${set}></treatment-guide>`;
}

/** Records every layout shift of the page (the guide's shadow DOM included) in window.__shifts. */
function observeShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * A page whose WebAssembly is held back until `release()` (or refused for
 * good with `abort`), on the phone profile when `phone` (tools/browser.mjs:
 * CPU 4× slower, 1.6 Mbit/s with 150 ms latency, 412 × 823), else 375 × 740.
 */
async function holdingPage({ phone = false, abort = false } = {}) {
  const viewport = phone ? PHONE_VIEWPORT : { width: 375, height: 740 };
  const ctx = await newContext(shared.browser, { viewport, hasTouch: phone, serviceWorkers: 'block' });
  await ctx.addInitScript(observeShifts);
  const page = await ctx.newPage();
  if (phone) await phoneProfile(ctx, page);
  let release;
  const released = new Promise((done) => { release = done; });
  await page.route('**/*.wasm', async (route) => {
    if (abort) return route.abort();
    await released;
    return route.continue();
  });
  return { page, release };
}

/**
 * What a reader sees of the n-th guide: its mode (`plain`: the guide without
 * its code; `live`), language, and for each section its heading's tag, whether
 * it shows open (aria-expanded, the panel shown with text), and every id,
 * reference to one and in-page link.
 */
function seen(page, n) {
  return page.evaluate((n) => {
    const root = document.querySelectorAll('treatment-guide')[n]?.shadowRoot;
    const mount = root?.querySelector('.tg-mount');
    if (!mount || !mount.querySelector('[data-tg-section]')) return null;
    const sections = [...mount.querySelectorAll('[data-tg-section]')].map((section) => {
      const panel = section.querySelector('.tg-panel');
      const toggle = section.querySelector('[aria-expanded]');
      return {
        id: section.getAttribute('data-tg-section'),
        heading: section.querySelector('.tg-heading').tagName.toLowerCase(),
        expanded: toggle ? toggle.getAttribute('aria-expanded') : null,
        shown: !panel.hasAttribute('hidden') && panel.getClientRects().length > 0 && panel.textContent.trim().length > 0,
      };
    });
    const names = ['id', 'for', 'aria-controls', 'aria-describedby', 'aria-labelledby'];
    const ids = [...mount.querySelectorAll(names.map((a) => `[${a}]`).join(','))]
      .flatMap((node) => names.flatMap((a) => (node.getAttribute(a) || '').split(' ').filter(Boolean)));
    const links = [...mount.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href'));
    const headings = [...mount.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName.toLowerCase());
    // The open sections and the toolbar as markup: each element's name and
    // attributes in order of names, and the text (the code may write an
    // element's attributes in another order).
    // What the read-aloud module sets on a Listen control (src/listen.js: shown,
    // hidden, a toolbar) is not the code's markup.
    const module = (node, a) => node.hasAttribute('data-listen') && ['hidden', 'role', 'aria-label', 'data-tg-listen'].includes(a.name);
    const markup = (node) => (node.nodeType === 3 ? node.textContent : node.nodeType !== 1 ? ''
      : `<${node.localName}${[...node.attributes].filter((a) => !module(node, a)).map((a) => ` ${a.name}="${a.value}"`).sort().join('')}>${[...node.childNodes].map(markup).join('')}</${node.localName}>`);
    const tree = [...mount.querySelectorAll('.tg-toolbar, [data-tg-section]')]
      .filter((node) => !node.querySelector('.tg-panel[hidden]'))
      .map(markup);
    // Where each section's heading and panel are on the page, in CSS pixels.
    const boxes = [...mount.querySelectorAll('[data-tg-section]')].map((section) => {
      const box = section.getBoundingClientRect();
      return [Math.round(box.top), Math.round(box.height)];
    });
    return {
      boxes,
      tree,
      plain: !!root.querySelector('.tg-static-note'),
      live: mount.hasAttribute('data-tg-live'),
      lang: mount.querySelector('[lang]')?.getAttribute('lang'),
      headings: [...new Set(headings)],
      sections,
      ids: [...new Set(ids)],
      links,
    };
  }, n);
}

/** Waits until the n-th guide shows a guide that `ready(state)` accepts, and returns that state. */
async function until(page, n, ready, timeout = 60_000) {
  const start = Date.now();
  for (;;) {
    const state = await seen(page, n);
    if (state && ready(state)) return state;
    if (Date.now() - start > timeout) assert.fail(`guide ${n} never reached the state: ${JSON.stringify(state)}`);
    await page.waitForTimeout(50);
  }
}

/** Checks what a guide shows against the shared case's answers. */
function follows(state, { shown, level, prefix }, label) {
  const open = shown === 'all' ? SECTION_IDS : shown;
  assert.deepEqual(state.sections.map((s) => s.id), SECTION_IDS, label);
  assert.deepEqual(state.headings, [`h${level}`], `${label}: the outline`);
  for (const section of state.sections) {
    const want = state.plain || open.includes(section.id);
    assert.equal(section.shown, want, `${label}: ${section.id} shows ${want ? 'open' : 'closed'}`);
    assert.equal(section.expanded, state.plain ? null : String(want), `${label}: ${section.id} aria-expanded`);
  }
  assert.ok(state.ids.length > 10, label);
  for (const id of state.ids) assert.ok(id.startsWith(`${prefix}-`), `${label}: id ${id} has the prefix ${prefix}-`);
  for (const link of state.links) assert.ok(link.startsWith(`#${prefix}-`), `${label}: link ${link} has the prefix`);
}

/** The sum of the page's layout shifts that no input caused (CLS of the visit so far). */
async function shift(page) {
  // Two frames and a moment: the last shift is reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))));
  return page.evaluate(() => window.__shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0));
}

test('on the phone profile, open and heading-level hold before the code, and nothing moves at takeover', async (t) => {
  await shared.ready();
  const url = host('/phone.html', element({ open: 'chemotherapy', 'heading-level': 3 }));
  const { page, release } = await holdingPage({ phone: true });
  await page.goto(url, { waitUntil: 'commit' });
  const want = { shown: ['chemotherapy'], level: 3, prefix: 'tg' };
  const before = await until(page, 0, (s) => !s.live);
  follows(before, want, 'before the code');
  release();
  await widgetReady(page);
  const after = await until(page, 0, (s) => s.live);
  follows(after, want, 'after the code');
  assert.deepEqual(after.sections, before.sections, 'the code shows what the guide before it showed');
  // The code renders new nodes in the place of the guide before it, which the
  // browser's layout-shift score does not count: where the sections are does.
  assert.deepEqual(after.boxes, before.boxes, 'every section stays where it was');
  const cls = await shift(page);
  t.diagnostic(`layout shift at takeover (phone profile, open="chemotherapy" heading-level="3"): ${cls}`);
  assert.equal(cls, 0, 'nothing moves when the code takes over');
});

test('every shared case of open, heading-level and the n-th guide holds before and after the code', async () => {
  await shared.ready();
  const url = host('/cases.html', CASES.map((c) => element({ open: c.open, 'heading-level': c.headingLevel })).join('\n'));
  const { page, release } = await holdingPage();
  await page.goto(url);
  const before = [];
  for (const [n, c] of CASES.entries()) {
    assert.equal(c.position, n, 'the cases stand in page order');
    before.push(await until(page, n, (s) => !s.live));
    follows(before[n], c, `before the code, case ${n} (${JSON.stringify(c)})`);
  }
  release();
  for (const [n, c] of CASES.entries()) {
    // Guides far below the fold load when the page is idle.
    const after = await until(page, n, (s) => s.live);
    follows(after, c, `after the code, case ${n}`);
    assert.deepEqual(after.sections, before[n].sections, `case ${n}: the code shows what the guide before it showed`);
    assert.deepEqual(after.tree, before[n].tree, `case ${n}: the open sections and the toolbar are the same markup`);
  }
});

test('in French, the guide before the code is the French guide, with its attributes', async () => {
  await shared.ready();
  const url = host('/fr.html', element({ lang: 'fr', open: 'immunotherapy', 'heading-level': 4 }), 'fr');
  const { page, release } = await holdingPage();
  await page.goto(url);
  const want = { shown: ['immunotherapy'], level: 4, prefix: 'tg' };
  const before = await until(page, 0, (s) => !s.live);
  assert.equal(before.lang, 'fr');
  follows(before, want, 'before the code');
  release();
  const after = await until(page, 0, (s) => s.live);
  assert.equal(after.lang, 'fr');
  assert.deepEqual(after.sections, before.sections);
});

test('an attribute changed before the code changes the guide before it', async () => {
  await shared.ready();
  const url = host('/changed.html', element({}));
  const { page, release } = await holdingPage();
  await page.goto(url);
  follows(await until(page, 0, (s) => !s.live), { shown: [], level: 2, prefix: 'tg' }, 'as parsed');
  await page.evaluate(() => {
    const guide = document.querySelector('treatment-guide');
    guide.setAttribute('open', 'stem-cell-transplant');
    guide.headingLevel = '4';
  });
  const want = { shown: ['stem-cell-transplant'], level: 4, prefix: 'tg' };
  const before = await until(page, 0, (s) => !s.live && s.headings[0] === 'h4');
  follows(before, want, 'changed before the code');
  release();
  const after = await until(page, 0, (s) => s.live);
  follows(after, want, 'with the code');
  assert.deepEqual(after.tree, before.tree);
});

test('a second guide far below the fold shows its own open section and prefix while it waits', async () => {
  await shared.ready();
  const url = host('/two.html', `${element({ open: 'chemotherapy' })}${FAR}${element({ open: 'targeted-therapy', 'heading-level': 3 })}`);
  const { page, release } = await holdingPage();
  await page.goto(url);
  const first = await until(page, 0, (s) => !s.live);
  follows(first, { shown: ['chemotherapy'], level: 2, prefix: 'tg' }, 'the first guide');
  const waiting = await until(page, 1, (s) => !s.live);
  follows(waiting, { shown: ['targeted-therapy'], level: 3, prefix: 'tg2' }, 'the far guide while it waits');
  release();
  await page.locator('treatment-guide').nth(1).scrollIntoViewIfNeeded();
  const after = await until(page, 1, (s) => s.live);
  follows(after, { shown: ['targeted-therapy'], level: 3, prefix: 'tg2' }, 'the far guide with its code');
  assert.deepEqual(after.sections, waiting.sections);
});

test('without WebAssembly for good, the plain guides follow heading-level and their prefixes, every section open', async () => {
  await shared.ready();
  const url = host('/blocked.html', `${element({ open: 'chemotherapy', 'heading-level': 3 })}${FAR}${element({ open: 'targeted-therapy', 'heading-level': 5 })}`);
  const { page } = await holdingPage({ abort: true });
  await page.goto(url);
  // The far guide shows its guide before the code while it waits, then the plain guide too.
  const waiting = await until(page, 1, () => true);
  if (!waiting.plain) follows(waiting, { shown: ['targeted-therapy'], level: 5, prefix: 'tg2' }, 'the far guide while it waits');
  const first = await until(page, 0, (s) => s.plain);
  follows(first, { shown: 'all', level: 3, prefix: 'tg' }, 'the first plain guide');
  const second = await until(page, 1, (s) => s.plain);
  follows(second, { shown: 'all', level: 5, prefix: 'tg2' }, 'the far plain guide');
});
