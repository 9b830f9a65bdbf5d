// End-to-end: the embed on host pages with hostile or theming CSS: the host's
// stylesheets do not reach into the widget and the widget's reach nothing
// outside it; the host still places and sizes the element; space held for the
// widget is given back without a shift; the --tg-* custom properties theme it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, openPage, computedStyles, styleDifferences, screenshot } from './helpers.mjs';
import { embedSetUp, LOADER, newsPage, widget, toggle, combobox, options, ready, expanded, lookUp } from './embed-host.mjs';

const { env, routes, route } = embedSetUp();

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
  const plainUrl = route('/css/plain.html', newsPage({ head: `<style>${PLAIN_CSS}</style>`, body }));
  const hostileUrl = route('/css/aggressive.html', newsPage({ head: `<style>${AGGRESSIVE_CSS}</style>`, body }));

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
  const url = route('/css/untouched.html', newsPage({
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
    const url = route('/css/decorated.html', newsPage({
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
    const url = route('/css/layout.html', newsPage({
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
const ARTICLE = (before, blocking) => newsPage({
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
  const url = route('/cls/short.html', newsPage({
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
  const url = route('/css/themed.html', newsPage({ head: `<style>${css}</style>`, body: '<main><h1>Themed</h1><treatment-guide></treatment-guide></main>' }));
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
    const url = route('/css/font-inherit.html', newsPage({
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
