// End-to-end: the one-script-tag embed on host pages made up here (served as
// `routes`, with dist/ under a path prefix): isolation from hostile host CSS,
// ids and globals; several widgets per page; a strict CSP; deep path
// prefixes; elements added, removed and changed after load; no foreign
// requests; the themed example page; SRI. (The time to first render is a
// figure of `make bench`: start_render_median_ms, tools/bench-page.mjs.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  setUp, newContext, openPage, widgetReady, computedStyles, styleDifferences, axeViolations, screenshot, DIST, SECTION_IDS,
} from './helpers.mjs';
import { startServer } from '../tools/static-server.mjs';
import { sri } from '../tools/sri.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PREFIX = '/tg/';
const LOADER = `${PREFIX}treatment-guide.js`;
const DIST_FILES = readdirSync(DIST);
/** This build's content-hashed wasm and wasm-bindgen glue, which the loader names. */
const WASM = DIST_FILES.find((f) => /^treatment-guide-[0-9a-f]+_bg\.wasm$/.test(f));
const GLUE = WASM?.replace(/_bg\.wasm$/, '.js');
const LOADER_TEXT = readFileSync(`${DIST}treatment-guide.js`, 'utf8');

/** Host pages by path; tests add theirs before opening them. */
const routes = {
  '/host-icon.svg': {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#800"/></svg>',
  },
};

const env = setUp({ prefix: PREFIX, routes });
before(() => {
  assert.ok(WASM && LOADER_TEXT.includes(WASM) && LOADER_TEXT.includes(GLUE), 'dist/ holds a build whose loader names its glue and wasm (run make build)');
});

/** A host page: the host's own `head` and `body`, the loader unless `loader: null`. */
function hostPage({ title = 'A charity news page', head = '', body = '', loader = LOADER, lang = 'en' } = {}) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/host-icon.svg" type="image/svg+xml">
${head}
${loader ? `<script src="${loader}" defer></script>` : ''}
</head>
<body>
${body}
</body>
</html>`;
}

/** Adds a host page at `path` and returns its URL on the shared server. */
function route(path, page, headers = {}) {
  routes[path] = { body: page, headers };
  return new URL(path, env.server.url).href;
}

const widget = (page, n = 0) => page.locator('treatment-guide').nth(n);
const toggle = (page, id, n = 0) => widget(page, n).locator(`[data-tg-section="${id}"] .tg-heading > button`);
const combobox = (page, n = 0) => widget(page, n).locator('[role="combobox"]');
const options = (page, n = 0) => widget(page, n).locator('[role="option"]');

/** Waits until widget `n` is live (its code has taken the guide over). */
const ready = (page, n = 0) => widgetReady(widget(page, n), null);

/** aria-expanded of every section header of widget `n`, by section id. */
async function expanded(page, n = 0) {
  return widget(page, n).locator('[data-tg-section]').evaluateAll((sections) =>
    Object.fromEntries(sections.map((s) => [s.dataset.tgSection, s.querySelector('.tg-heading > button').getAttribute('aria-expanded')])));
}

const allClosed = Object.fromEntries(SECTION_IDS.map((id) => [id, 'false']));
const allOpen = Object.fromEntries(SECTION_IDS.map((id) => [id, 'true']));

/** Types a query into widget `n` and returns the text of its suggestions once there are some. */
async function lookUp(page, query, n = 0) {
  await combobox(page, n).fill(query);
  await options(page, n).first().waitFor();
  return (await options(page, n).allInnerTexts()).map((t) => t.trim());
}

// ---------------------------------------------------------------- 1. host CSS

/** Host CSS that tries every way a global stylesheet reaches into elements. */
const AGGRESSIVE_CSS = `
html { font-size: 10px !important; }
* { all: unset !important; }
* { letter-spacing: 3px !important; color: red !important; font-family: "Comic Sans MS", cursive !important;
    line-height: 3 !important; text-transform: uppercase !important; word-spacing: 12px !important;
    text-align: right !important; font-style: italic !important; font-weight: 100 !important;
    cursor: crosshair !important; white-space: nowrap !important;
    box-sizing: content-box !important; }
button { font-size: 40px !important; padding: 30px !important; margin: 20px !important; border: 5px dashed lime !important;
    background: yellow !important; border-radius: 0 !important; display: inline !important; width: 50% !important; }
input { border: none !important; outline: none !important; font-size: 8px !important; background: black !important;
    height: 10px !important; padding: 0 !important; appearance: auto !important; }
h1, h2, h3 { font-size: 60px !important; margin: 40px 0 !important; display: inline !important; }
ul, li { list-style: square inside !important; margin: 30px !important; padding: 0 !important; display: inline !important; }
p, section, div, header, footer, label { margin: 25px !important; padding: 25px !important; }
[hidden] { display: block !important; }
[role="option"], [role="listbox"], [aria-expanded] { background: orange !important; }
:focus, :focus-visible { outline: 10px solid fuchsia !important; }
#slot { display: block !important; width: 640px !important; margin: 0 !important; padding: 0 !important; }
`;
/** Both pages put the widget in the same 640px slot, so layout-dependent values compare too. */
const PLAIN_CSS = '#slot { display: block; width: 640px; }';

const CHEMO = '[data-tg-section="chemotherapy"]';
const WIDGET_PARTS = [
  '.tg-mount', '.tg-root', '.tg-header', '.tg-title', '.tg-lookup', '.tg-label', '.tg-hint', '.tg-input',
  '.tg-listbox', '.tg-option', '.tg-option-name', '.tg-status', '.tg-toolbar', '[data-tg-action="expand-all"]',
  '.tg-accordion', CHEMO, `${CHEMO} .tg-heading`, `${CHEMO} .tg-toggle`, `${CHEMO} .tg-toggle-title`,
  `${CHEMO} .tg-chevron`, `${CHEMO} .tg-summary`, `${CHEMO} .tg-panel`, `${CHEMO} .tg-panel p`,
  `${CHEMO} .tg-panel ul`, `${CHEMO} .tg-panel li`, `${CHEMO} .tg-mention-word`,
  '[data-tg-section="immunotherapy"] .tg-panel', '.tg-footer',
];

test('aggressive host CSS does not change how the widget looks', async () => {
  const body = '<h1>News</h1><p>Before the guide.</p><div id="slot"><treatment-guide open="chemotherapy"></treatment-guide></div><p>After.</p>';
  const plainUrl = route('/css/plain.html', hostPage({ head: `<style>${PLAIN_CSS}</style>`, body }));
  const hostileUrl = route('/css/aggressive.html', hostPage({ head: `<style>${AGGRESSIVE_CSS}</style>`, body }));

  const styles = [];
  for (const url of [plainUrl, hostileUrl]) {
    const { ctx, page, problems } = await openPage(env.browser, url, { viewport: { width: 1000, height: 900 } });
    await ready(page);
    // A suggestion list, so that options are compared too (the input is focused in both pages alike).
    assert.ok((await lookUp(page, 'Adriamycin'))[0].startsWith('doxorubicin'));
    await page.mouse.move(0, 0);
    styles.push(await computedStyles(page, WIDGET_PARTS));
    await screenshot(page, url === plainUrl ? 'embed-plain-host' : 'embed-aggressive-host');
    assert.deepEqual(problems, []);
    await ctx.close();
  }
  const [plain, hostile] = styles;

  // The points of the issue, by name, then every computed property of every part.
  const toggleStyle = hostile[`${CHEMO} .tg-toggle`];
  assert.equal(toggleStyle['font-size'], '18px', 'section header: 1.125 × the 16px base, not the host root size');
  assert.notEqual(toggleStyle.color, 'rgb(255, 0, 0)');
  assert.equal(toggleStyle['letter-spacing'], 'normal');
  assert.doesNotMatch(toggleStyle['font-family'], /comic/i);
  assert.equal(toggleStyle['text-transform'], 'none');
  assert.equal(hostile['.tg-input']['border-top-style'], 'solid', 'the lookup input keeps its border');
  assert.equal(hostile['.tg-input']['border-top-width'], '2px');
  assert.equal(hostile['.tg-root']['font-size'], '16px');
  assert.equal(hostile[`${CHEMO} .tg-panel ul`]['list-style-type'], 'disc');
  // Closed panels are hidden="until-found": not shown, but still searchable by find-in-page.
  const closed = hostile['[data-tg-section="immunotherapy"] .tg-panel'];
  assert.ok(closed.display === 'none' || closed['content-visibility'] === 'hidden', 'closed panels stay hidden');
  assert.equal(closed.height, '0px', 'closed panels take no space');
  assert.deepEqual(styleDifferences(plain, hostile), []);
});

test('the widget CSS changes nothing outside the widget', async () => {
  const hostCss = `
    html { overflow-y: scroll; }
    body { font: 17px/1.6 Georgia, serif; color: #222; margin: 2rem; }
    h2 { color: #553; font-size: 1.6rem; }
    button { padding: 4px 10px; }
    ul { padding-left: 1.2em; }
    a { color: #06c; }
    /* The widget's own height is not CSS leaking out: keep it from moving the host's layout. */
    #slot { height: 300px; overflow: auto; }`;
  const url = route('/css/untouched.html', hostPage({
    loader: null,
    head: `<style>${hostCss}</style>`,
    body: `<header><h1>Our news</h1></header>
      <main><h2>Host heading</h2><p>Host paragraph with a <a href="#x">link</a>.</p>
      <button type="button">Host button</button> <input aria-label="Host input" value="host">
      <ul><li>Host item one</li><li>Host item two</li></ul>
      <div id="slot"><treatment-guide></treatment-guide></div>
      <h2>Host heading after</h2><p>More host text.</p><section><h3>Host h3</h3></section></main>`,
  }));
  const hostParts = ['html', 'body', 'header', 'h1', 'main', '#slot', 'h2', 'p', 'a', 'button', 'input', 'ul', 'li', 'section', 'h3', 'h2:last-of-type'];
  const { page, problems } = await openPage(env.browser, url);
  const sheets = () => page.evaluate(() => ({
    styleSheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    styleElements: document.querySelectorAll('style, link[rel~="stylesheet"]').length,
    fonts: document.fonts.size,
    rootCustom: ['--_accent', '--_text', '--tg-accent'].map((p) => getComputedStyle(document.documentElement).getPropertyValue(p)),
  }));
  const beforeStyles = await computedStyles(page, hostParts, { shadow: false });
  const beforeSheets = await sheets();
  await page.addScriptTag({ url: LOADER });
  await ready(page);
  await toggle(page, 'chemotherapy').click();
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement?.blur());
  const afterStyles = await computedStyles(page, hostParts, { shadow: false });
  assert.deepEqual(styleDifferences(beforeStyles, afterStyles), []);
  assert.deepEqual(await sheets(), beforeSheets);
  assert.deepEqual(problems, []);
});

test('text decorations of host ancestors do not show on the widget text',
  async () => {
    const url = route('/css/decorated.html', hostPage({
      head: '<style>.retracted { text-decoration: line-through; }</style>',
      body: `<main><h1>Decorated ancestors</h1>
        <ins><treatment-guide></treatment-guide></ins>
        <u><treatment-guide></treatment-guide></u>
        <div class="retracted"><treatment-guide></treatment-guide></div></main>`,
    }));
    const { ctx, page, problems } = await openPage(env.browser, url);
    for (const n of [0, 1, 2]) await ready(page, n);
    const inEffect = await page.evaluate(() => [...document.querySelectorAll('treatment-guide')].map((el) =>
      ['.tg-title', '.tg-label', '.tg-toggle-title', '.tg-footer'].map((s) =>
        getComputedStyle(el.shadowRoot.querySelector(s)).getPropertyValue('-webkit-text-decorations-in-effect'))));
    assert.deepEqual(inEffect, [0, 1, 2].map(() => ['none', 'none', 'none', 'none']));
    assert.deepEqual(problems, []);
    await ctx.close();
  });

test('the host page still places, sizes and hides the element itself',
  async () => {
    const url = route('/css/layout.html', hostPage({
      head: `<style>
        .boxed { margin: 40px auto; max-width: 500px; }
        .mobile-only { display: none; }
        @media print { .screen-only { display: none; } }</style>`,
      body: `<main><h1>Host layout</h1>
        <treatment-guide class="boxed"></treatment-guide>
        <treatment-guide class="mobile-only"></treatment-guide>
        <treatment-guide style="display: none"></treatment-guide>
        <treatment-guide hidden></treatment-guide></main>`,
    }));
    const { ctx, page, problems } = await openPage(env.browser, url, { viewport: { width: 1200, height: 900 } });
    await ready(page, 0);
    const boxes = await page.evaluate(() => [...document.querySelectorAll('treatment-guide')].map((el) => {
      const style = getComputedStyle(el);
      return { display: style.display, marginTop: style.marginTop, width: Math.round(el.getBoundingClientRect().width) };
    }));
    assert.deepEqual(boxes, [
      { display: 'block', marginTop: '40px', width: 500 },
      { display: 'none', marginTop: '0px', width: 0 },
      { display: 'none', marginTop: '0px', width: 0 },
      { display: 'none', marginTop: '0px', width: 0 },
    ]);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

/** Records layout shifts from the start of the page, as the CLS metric counts them. */
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__shifts.push({ value: e.value, input: e.hadRecentInput, sources: (e.sources || []).map((s) => s.node?.nodeName || '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The element's box against its own content's, the host text after it, and how many sheets its shadow root has. */
function hostBox(page) {
  return page.evaluate(() => {
    const el = document.querySelector('treatment-guide');
    return {
      height: el.getBoundingClientRect().height,
      content: el.shadowRoot.querySelector('.tg-mount').getBoundingClientRect().height,
      top: el.getBoundingClientRect().top,
      below: document.getElementById('below').getBoundingClientRect().top,
      sheets: el.shadowRoot.adoptedStyleSheets.length,
    };
  });
}

/** Waits until the held space is given back: the widget's own sheet is the only one left. */
function spaceGivenBack(page) {
  return page.waitForFunction(() => document.querySelector('treatment-guide').shadowRoot.adoptedStyleSheets.length === 1);
}

/** The README's one CSS rule that holds space for the widget until its loader runs. */
const RESERVE_CSS = 'treatment-guide:not(:defined) { display: block; min-height: 100vh; }';

/** An article with the widget after `before` paragraphs; the loader deferred (with the README's CSS) or blocking. */
const ARTICLE = (before, blocking) => hostPage({
  head: `<style>body { margin: 0 auto; max-width: 60rem; font: 18px/1.5 Georgia, serif; } p { margin: 1em; }
    ${blocking ? '' : RESERVE_CSS}</style>${blocking ? `<script src="${LOADER}"></script>` : ''}`,
  loader: blocking ? null : LOADER,
  body: `<h1 id="top">Living with relapsed ALL</h1>
    ${'<p>Host text above the widget, written by the charity. It explains who the guide is for.</p>'.repeat(before)}
    <treatment-guide></treatment-guide>
    <p id="below">Host text below the widget: how to contact the charity's nurses.</p>`,
});

for (const [name, viewport, before, blocking] of [
  ['a phone', { width: 375, height: 667 }, 1, false],
  ['a desktop', { width: 1280, height: 900 }, 1, false],
  ['a phone, loader as a blocking script and no CSS', { width: 375, height: 667 }, 1, true],
  ['a phone, with the widget below the fold', { width: 375, height: 667 }, 40, false],
]) {
  test(`no layout shift while the widget loads into an article on ${name}`, async () => {
    const url = route(`/cls/${before}-${viewport.width}-${blocking}.html`, ARTICLE(before, blocking));
    const ctx = await newContext(env.browser, { viewport });
    await ctx.addInitScript(recordShifts);
    const page = await ctx.newPage();
    await page.goto(url);
    await ready(page);
    // Let the deferred rendering of closed sections and any late layout land.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], 'no layout shift at all while loading');
    const loaded = await hostBox(page);
    if (before === 1) {
      assert.ok(loaded.below >= viewport.height, `host text after the widget starts below the fold (${loaded.below} px)`);
    } else {
      assert.ok(loaded.top > viewport.height, 'this widget starts below the fold');
      assert.equal(loaded.sheets, 1, 'a widget below the fold reserves nothing');
    }
    // By the reader's first input at the latest, any held space is given back: the box is the widget's own height.
    await page.locator('#top').click();
    await spaceGivenBack(page);
    const released = await hostBox(page);
    assert.ok(['0px', 'auto'].includes(await page.evaluate(() => getComputedStyle(document.querySelector('treatment-guide')).minHeight)), 'no min-height is left');
    assert.ok(Math.abs(released.height - released.content) < 8, `height ${released.height} is the content's ${released.content}`);
    assert.ok(await page.evaluate(() => window.__shifts.every((s) => s.input)), 'any later shift follows the reader\'s input');
  });
}

test('space held for a widget that is still short is given back when the reader scrolls', async () => {
  routes['/cls/never.json'] = { hang: true };
  const url = route('/cls/short.html', hostPage({
    head: `<style>${RESERVE_CSS}</style>`,
    body: `<h1 id="top">Living with relapsed ALL</h1>
      <treatment-guide content-src="/cls/never.json"></treatment-guide>
      <p id="below">Host text below the widget.</p>${'<p>More host text.</p>'.repeat(80)}`,
  }));
  const ctx = await newContext(env.browser, { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(url);
  await widget(page).locator('[role=status]').filter({ hasText: 'Loading' }).waitFor();
  const held = await hostBox(page);
  assert.ok(held.height > held.content + 300, `the loading widget holds the space to the fold (${held.height} px for ${held.content} px)`);
  assert.ok(held.below >= 900, 'host text after it waits below the fold');
  await page.mouse.move(640, 450);
  await page.mouse.wheel(0, 200);
  await spaceGivenBack(page);
  const released = await hostBox(page);
  assert.ok(Math.abs(released.height - released.content) < 8, `height ${released.height} is the content's ${released.content}`);
});

test('the documented --tg-* custom properties theme the widget', async () => {
  const theme = {
    '--tg-accent': 'rgb(106, 27, 154)', '--tg-accent-contrast': 'rgb(255, 255, 254)', '--tg-text': 'rgb(31, 41, 50)',
    '--tg-muted': 'rgb(74, 88, 98)', '--tg-background': 'rgb(255, 255, 250)', '--tg-surface': 'rgb(243, 246, 247)',
    '--tg-border': 'rgb(197, 208, 215)', '--tg-focus': 'rgb(179, 64, 10)', '--tg-font-family': 'Georgia, serif',
    '--tg-font-size': '20px', '--tg-radius': '3px', '--tg-spacing': '10px',
  };
  const css = `treatment-guide { ${Object.entries(theme).map(([k, v]) => `${k}: ${v};`).join(' ')} }`;
  const url = route('/css/themed.html', hostPage({ head: `<style>${css}</style>`, body: '<main><h1>Themed</h1><treatment-guide></treatment-guide></main>' }));
  const { page, problems } = await openPage(env.browser, url, { colorScheme: 'light' });
  await ready(page);
  await combobox(page).fill('ara c');
  await options(page).first().waitFor();
  await combobox(page).press('ArrowDown');
  const activeOption = await widget(page).locator('.tg-option.tg-active').evaluate((o) => getComputedStyle(o).color);
  await page.keyboard.press('Tab');
  const seen = await page.evaluate(() => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      '--tg-accent': style('[data-tg-action="expand-all"]').borderTopColor,
      '--tg-text': style('.tg-root').color,
      '--tg-muted': style('.tg-hint').color,
      '--tg-background': style('.tg-root').backgroundColor,
      '--tg-surface': style('.tg-lookup').backgroundColor,
      '--tg-border': style('.tg-root').borderTopColor,
      '--tg-focus': style('[data-tg-action="expand-all"]').outlineColor,
      '--tg-font-family': style('.tg-root').fontFamily,
      '--tg-font-size': style('.tg-root').fontSize,
      '--tg-radius': style('.tg-root').borderTopLeftRadius,
      '--tg-spacing': style('.tg-lookup').paddingTop,
    };
  });
  assert.equal(await page.evaluate(() => document.querySelector('treatment-guide').shadowRoot.activeElement?.dataset.tgAction), 'expand-all');
  assert.deepEqual({ ...seen, '--tg-accent-contrast': activeOption }, theme);
  assert.deepEqual(problems, []);
});

test('--tg-font-family with the host\'s font stack (as the README shows) gives the widget that font',
  async () => {
    const url = route('/css/font-inherit.html', hostPage({
      head: '<style>body { font-family: Georgia, serif; } treatment-guide { --tg-font-family: Georgia, serif; }</style>',
      body: '<main><h1>Host font</h1><treatment-guide></treatment-guide></main>',
    }));
    const { ctx, page, problems } = await openPage(env.browser, url);
    await ready(page);
    const fonts = await page.evaluate(() => [getComputedStyle(document.body).fontFamily,
      getComputedStyle(document.querySelector('treatment-guide').shadowRoot.querySelector('.tg-root')).fontFamily]);
    assert.equal(fonts[1], fonts[0]);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

// ------------------------------------------------------ 2. host ids, globals

const CLASHING_GLOBALS = ['wasm_bindgen', 'init', 'App', 'wasmBindings', 'mount', 'Widget', '__wbg_init', 'TreatmentGuideElement'];

test('host ids and globals with obvious names do not clash; the widget adds no globals', async () => {
  const url = route('/clash.html', hostPage({
    loader: null,
    head: `<script>
      ${CLASHING_GLOBALS.map((name) => `window.${name} = 'host';`).join(' ')}
      // A top-level const is not a property of window, so this record adds nothing to what it records.
      const tgGlobalsBefore = [...new Set([...Object.keys(window), ...Object.getOwnPropertyNames(window)])];
      const tgSymbolsBefore = Object.getOwnPropertySymbols(window).length;
    </script>
    <script src="${LOADER}" defer></script>`,
    body: `<main id="main"><div id="app">Host app</div>
      <section id="tg-chemotherapy"><h2>Our own chemotherapy notes</h2></section>
      <label for="tg-lookup-input">Search our site</label> <input id="tg-lookup-input" value="host value">
      <div id="tg-root" class="tg-root tg-panel" hidden>Host hidden block</div>
      <treatment-guide></treatment-guide></main>`,
  }));
  const { page, problems } = await openPage(env.browser, url);
  await ready(page);
  await toggle(page, 'chemotherapy').click();
  assert.equal(await toggle(page, 'chemotherapy').getAttribute('aria-expanded'), 'true');
  const panel = widget(page).locator(`#${await toggle(page, 'chemotherapy').getAttribute('aria-controls')}`);
  assert.ok(await panel.isVisible(), 'the panel the header controls is the widget\'s own');
  const suggestions = await lookUp(page, 'Adriamycin');
  assert.ok(suggestions.some((s) => s.startsWith('doxorubicin')), `a suggestion begins with doxorubicin: ${JSON.stringify(suggestions)}`);
  // The widget's label focuses the widget's input, not the host's input of the same id.
  await widget(page).locator('.tg-label').click();
  assert.equal(await page.evaluate(() => document.querySelector('treatment-guide').shadowRoot.activeElement?.getAttribute('role')), 'combobox');

  const host = await page.evaluate((names) => ({
    globals: Object.fromEntries(names.map((n) => [n, window[n]])),
    input: document.getElementById('tg-lookup-input').value,
    notes: document.getElementById('tg-chemotherapy').textContent,
    app: document.getElementById('app').textContent,
    hidden: document.getElementById('tg-root').hidden,
    ids: ['main', 'app', 'tg-chemotherapy', 'tg-lookup-input', 'tg-root'].map((id) => document.querySelectorAll(`#${id}`).length),
  }), CLASHING_GLOBALS);
  assert.deepEqual(host.globals, Object.fromEntries(CLASHING_GLOBALS.map((n) => [n, 'host'])));
  assert.equal(host.input, 'host value');
  assert.equal(host.notes, 'Our own chemotherapy notes');
  assert.equal(host.app, 'Host app');
  assert.equal(host.hidden, true);
  assert.deepEqual(host.ids, [1, 1, 1, 1, 1], 'the widget puts no ids into the host document');

  const added = await page.evaluate(() => ({
    // eslint-disable-next-line no-undef
    names: [...new Set([...Object.keys(window), ...Object.getOwnPropertyNames(window)])].filter((n) => !tgGlobalsBefore.includes(n)),
    // eslint-disable-next-line no-undef
    symbols: Object.getOwnPropertySymbols(window).length - tgSymbolsBefore,
    element: typeof customElements.get('treatment-guide'),
  }));
  assert.deepEqual(added.names, [], 'the widget adds no window properties');
  assert.equal(added.symbols, 0);
  assert.equal(added.element, 'function', 'the one thing it adds: the custom element');
  assert.deepEqual(problems, []);
});

test('opening a section keeps the host page\'s history state and adds no history entry',
  async () => {
  const url = route('/spa.html', hostPage({
    head: '<script>history.replaceState({ route: "article", scrollY: 120 }, "");</script>',
    body: '<main><h1>Single-page app</h1><treatment-guide></treatment-guide></main>',
  }));
  const { page, problems } = await openPage(env.browser, url);
  await ready(page);
  const lengthBefore = await page.evaluate(() => history.length);
  await toggle(page, 'immunotherapy').click();
  assert.equal(await toggle(page, 'immunotherapy').getAttribute('aria-expanded'), 'true');
  assert.equal(new URL(page.url()).hash, '#tg-immunotherapy');
  assert.equal(await page.evaluate(() => history.length), lengthBefore);
  assert.deepEqual(await page.evaluate(() => history.state), { route: 'article', scrollY: 120 });
  assert.deepEqual(problems, []);
});

test('a click on a section header while suggestions are open opens that section',
  async () => {
    const url = route('/click-after-lookup.html', hostPage({ body: '<main><h1>Lookup, then a section</h1><treatment-guide></treatment-guide></main>' }));
    const { ctx, page, problems } = await openPage(env.browser, url);
    await ready(page);
    assert.ok((await lookUp(page, 'Adriamycin'))[0].startsWith('doxorubicin'));
    await toggle(page, 'chemotherapy').click();
    assert.equal(await toggle(page, 'chemotherapy').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(problems, []);
    await ctx.close();
  });

// ------------------------------------------------------- 3. two widgets

const TWO = hostPage({
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
  assert.equal(new URL(page.url()).hash, '#tg-chemotherapy', 'the first widget owns #tg-…');

  await toggle(page, 'immunotherapy', 1).click();
  assert.deepEqual(await expanded(page, 1), { ...allClosed, immunotherapy: 'true' });
  assert.deepEqual(await expanded(page, 0), { ...allClosed, chemotherapy: 'true' }, 'widget 1 unchanged');
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

// ----------------------------------------------------------- 4. strict CSP

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Records CSP violations from the first moment of the page. */
const RECORD_VIOLATIONS = () => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  }, true);
};

/** Opens a page with the violation recorder and every console message. */
async function openRecorded(url, context = {}) {
  const ctx = await newContext(env.browser, context);
  await ctx.addInitScript(RECORD_VIOLATIONS);
  const page = await ctx.newPage();
  const console = [];
  const problems = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  return { ctx, page, console, problems, violations: () => page.evaluate(() => window.__cspViolations) };
}

test('under a strict CSP header the widget renders and works without a violation', async () => {
  const url = route('/csp/strict.html', hostPage({
    title: 'Strict CSP',
    head: `<link rel="stylesheet" href="/csp/host.css">`,
    body: '<main><h1>Strict policy</h1><treatment-guide></treatment-guide></main>',
  }), { 'Content-Security-Policy': STRICT_CSP });
  routes['/csp/host.css'] = { type: 'text/css', body: 'body { font-family: serif; }' };
  const { page, problems, violations } = await openRecorded(url);
  await ready(page);
  assert.ok((await lookUp(page, 'Adriamycin'))[0].startsWith('doxorubicin'));
  await combobox(page).press('Enter');
  await widget(page).locator('.tg-card').waitFor();
  await widget(page).locator('[data-tg-action="expand-all"]').click();
  assert.deepEqual(await expanded(page), allOpen);
  const mention = widget(page).locator('.tg-mention-word').first();
  await mention.hover();
  await mention.click();
  await widget(page).locator('.tg-bubble:not([hidden])').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.waitForTimeout(100);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
});

test('the CSP check itself: without wasm-unsafe-eval the violation is seen, the widget says so and keeps its text', async () => {
  const url = route('/csp/no-wasm.html', hostPage({
    title: 'CSP without wasm-unsafe-eval',
    body: '<main><h1>Too strict</h1><p id="host-text">Host text.</p><treatment-guide></treatment-guide></main>',
  }), { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" });
  const { page, problems, violations } = await openRecorded(url);
  const note = widget(page).locator('.tg-static-note');
  await note.waitFor();
  assert.match(await note.innerText(), /drug search is not available/);
  assert.ok(await widget(page).locator('[data-tg-section="chemotherapy"] .tg-panel').isVisible(), 'the text stays readable');
  assert.ok((await violations()).some((v) => v.startsWith('script-src')), `violations: ${JSON.stringify(await violations())}`);
  assert.ok(problems.some((p) => p.includes('treatment-guide')), 'the console names the widget');
  assert.equal(await page.locator('#host-text').innerText(), 'Host text.');
});

// ------------------------------------------------------ 5. deep path prefix

test('dist/ under a deep path prefix works from a page elsewhere on the site', async () => {
  const deep = '/charity/assets/v1/guide/';
  const deepRoutes = {
    '/news/article.html': {
      body: hostPage({
        loader: '../charity/assets/v1/guide/treatment-guide.js',
        body: '<main><article><h1>Article</h1><p>Text.</p><treatment-guide open="cns-treatment"></treatment-guide></article></main>',
      }),
    },
    '/host-icon.svg': routes['/host-icon.svg'],
  };
  const site = await startServer({ root: DIST, prefix: deep, routes: deepRoutes });
  try {
    const origin = new URL(site.url).origin;
    const ctx = await newContext(env.browser);
    const page = await ctx.newPage();
    const problems = [];
    const responses = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('response', (r) => responses.push([new URL(r.url()).pathname, r.status()]));
    await page.goto(`${origin}/news/article.html`);
    await ready(page);
    assert.deepEqual(await expanded(page), { ...allClosed, 'cns-treatment': 'true' });
    assert.ok((await lookUp(page, 'ara c'))[0].startsWith('cytarabine'));
    await toggle(page, 'chemotherapy').click();
    assert.equal(new URL(page.url()).pathname, '/news/article.html');
    assert.deepEqual(responses.filter(([path]) => path !== '/news/article.html' && path !== '/host-icon.svg').sort(), [
      [`${deep}${GLUE}`, 200], [`${deep}${WASM}`, 200], [`${deep}treatment-guide.js`, 200],
    ].sort());
    assert.deepEqual(problems, []);
    await ctx.close();
  } finally {
    await site.close();
  }
});

// ---------------------------------------------- 6. added, removed, changed

test('an element added, removed, re-added and changed after load mounts, unmounts and re-renders', async () => {
  const url = route('/dynamic.html', hostPage({ body: '<main><h1>Later</h1><div id="slot"></div></main>' }));
  const { page, problems } = await openPage(env.browser, url);
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => typeof customElements.get('treatment-guide')), 'function');

  // Removed before the wasm has arrived: it must not render once it does.
  await page.evaluate(() => {
    const early = document.createElement('treatment-guide');
    early.id = 'early';
    document.getElementById('slot').append(early);
    early.remove();
    window.tgEarly = early;
  });
  await page.evaluate(() => {
    const late = document.createElement('treatment-guide');
    late.id = 'late';
    document.getElementById('slot').append(late);
  });
  const late = page.locator('#late');
  await widgetReady(late, null);
  assert.equal(await page.evaluate(() => window.tgEarly.shadowRoot.childNodes.length), 0, 'an element removed while loading stays empty');
  assert.deepEqual(await expanded(page), allClosed);
  assert.equal(await late.locator('.tg-heading').first().evaluate((h) => h.tagName), 'H2');

  // Removed: the shadow root is emptied.
  await page.evaluate(() => { window.tgLate = document.getElementById('late'); window.tgLate.remove(); });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  assert.equal(await page.evaluate(() => window.tgLate.shadowRoot.childNodes.length), 0);

  // Re-inserted: mounts again and works.
  await page.evaluate(() => document.getElementById('slot').append(window.tgLate));
  await widgetReady(late, null);
  assert.equal(await page.evaluate(() => window.tgLate.shadowRoot.querySelectorAll('.tg-root').length), 1, 'one widget, not two');
  assert.ok((await lookUp(page, 'VP16'))[0].startsWith('etoposide'));

  // Attribute changes re-render.
  await page.evaluate(() => window.tgLate.setAttribute('open', 'all'));
  await page.waitForFunction(() => [...window.tgLate.shadowRoot.querySelectorAll('.tg-heading > button')]
    .every((b) => b.getAttribute('aria-expanded') === 'true'));
  assert.deepEqual(await expanded(page), allOpen);
  await page.evaluate(() => window.tgLate.setAttribute('heading-level', '3'));
  await page.waitForFunction(() => window.tgLate.shadowRoot.querySelector('.tg-heading')?.tagName === 'H3');
  const tags = await late.locator('.tg-heading').evaluateAll((hs) => hs.map((h) => h.tagName));
  assert.deepEqual(tags, SECTION_IDS.map(() => 'H3'));
  assert.equal(await page.evaluate(() => window.tgLate.shadowRoot.querySelectorAll('.tg-root').length), 1);

  // An element created with heading-level="3" gets h3 headings from the start.
  await page.evaluate(() => document.getElementById('slot').insertAdjacentHTML('beforeend', '<treatment-guide id="h3" heading-level="3" open="chemotherapy"></treatment-guide>'));
  await widgetReady(page, '#h3');
  assert.deepEqual(await page.locator('#h3 .tg-heading').evaluateAll((hs) => [...new Set(hs.map((h) => h.tagName))]), ['H3']);
  assert.equal(await page.locator('#h3 [data-tg-section="chemotherapy"] .tg-heading > button').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(problems, []);
});

// ------------------------------------------------------------ 7. requests

test('the widget requests nothing but its own files', async () => {
  const url = route('/requests.html', hostPage({ body: '<main><h1>Requests</h1><treatment-guide></treatment-guide></main>' }));
  const start = env.server.requests.length;
  const { page, problems, requests } = await openPage(env.browser, url);
  const sockets = [];
  page.on('websocket', (w) => sockets.push(w.url()));
  await ready(page);
  // Use every part, so that anything loaded lazily is loaded too.
  assert.ok((await lookUp(page, 'Gleevec 400 mg'))[0].startsWith('imatinib'));
  await combobox(page).press('Enter');
  await widget(page).locator('.tg-card').waitFor();
  await widget(page).locator('[data-tg-action="expand-all"]').click();
  await widget(page).locator('.tg-mention-word').first().click();
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.waitForTimeout(200);

  const origin = new URL(env.server.url).origin;
  const hostFiles = ['/requests.html', '/host-icon.svg'];
  const foreign = requests.filter((u) => {
    const { origin: o, pathname } = new URL(u);
    return o !== origin || !(hostFiles.includes(pathname) || (pathname.startsWith(PREFIX) && DIST_FILES.includes(pathname.slice(PREFIX.length))));
  });
  assert.deepEqual(foreign, [], 'every request is the host page or a file of dist/');
  const widgetFiles = [...new Set(requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith(PREFIX)))].sort();
  assert.deepEqual(widgetFiles, [LOADER, `${PREFIX}${GLUE}`, `${PREFIX}${WASM}`].sort(), 'the loader, the glue and the wasm only (no icon, no page CSS)');
  const served = env.server.requests.slice(start).filter((p) => !hostFiles.includes(p));
  assert.deepEqual([...new Set(served)].sort(), widgetFiles, 'the server saw the same');
  assert.deepEqual(sockets, []);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
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

test('the loader works pinned with the SRI hash from tools/sri.mjs, and a wrong hash blocks it', async () => {
  const integrity = sri(`${DIST}treatment-guide.js`);
  assert.match(integrity, /^sha384-[A-Za-z0-9+/]{64}$/);
  const tag = (value) => `<script src="${LOADER}" integrity="${value}" crossorigin="anonymous" defer></script>`;
  const good = route('/sri/good.html', hostPage({ loader: null, head: tag(integrity), body: '<main><h1>Pinned</h1><treatment-guide></treatment-guide></main>' }));
  const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
  const bad = route('/sri/bad.html', hostPage({ loader: null, head: tag(wrong), body: '<main><h1>Pinned wrong</h1><treatment-guide></treatment-guide></main>' }));

  const ok = await openPage(env.browser, good);
  await ready(ok.page);
  assert.deepEqual(ok.problems, []);
  await ok.ctx.close();

  const blocked = await openPage(env.browser, bad);
  await blocked.page.waitForLoadState('load');
  assert.equal(await blocked.page.evaluate(() => customElements.get('treatment-guide')), undefined);
  assert.ok(blocked.problems.some((p) => /integrity/i.test(p)), `the browser refused it: ${JSON.stringify(blocked.problems)}`);
  await blocked.ctx.close();
});

for (const [how, tag] of [
  ['async', `<script src="${LOADER}" async></script>`],
  ['type="module"', `<script type="module" src="${LOADER}"></script>`],
]) {
  test(`the loader also works as ${how}`, async () => {
    const url = route(`/load/${how.replace(/\W/g, '')}.html`, hostPage({
      loader: null,
      head: tag,
      body: '<main><h1>Loaded another way</h1><treatment-guide open="chemotherapy"></treatment-guide></main>',
    }));
    const { page, problems } = await openPage(env.browser, url);
    await ready(page);
    assert.equal((await expanded(page)).chemotherapy, 'true');
    assert.match((await lookUp(page, 'Purinethol'))[0], /^mercaptopurine/);
    assert.deepEqual(problems, []);
  });
}

test('a lang the content does not have is reported in the console, and the guide still shows', async () => {
  const url = route('/lang/de.html', hostPage({
    lang: 'de',
    body: '<main><h1>Seite auf Deutsch</h1><treatment-guide lang="de"></treatment-guide></main>',
  }));
  const ctx = await newContext(env.browser);
  const page = await ctx.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(url);
  await ready(page);
  assert.ok(warnings.some((w) => w.includes('no content in language "de"; showing "en"')), JSON.stringify(warnings));
  assert.equal(await widget(page).locator('.tg-root').getAttribute('lang'), 'en', 'the text is marked as English for screen readers');
});
