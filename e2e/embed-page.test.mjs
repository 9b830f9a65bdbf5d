// End-to-end: the embed among the host page's own ids, globals and history,
// elements added, removed and changed after load, and a lang the content does
// not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, openPage, widgetReady, SECTION_IDS } from './helpers.mjs';
import { embedSetUp, LOADER, newsPage, widget, toggle, ready, expanded, allClosed, allOpen, lookUp } from './embed-host.mjs';

const { env, route } = embedSetUp();

// ------------------------------------------------------ 2. host ids, globals

const CLASHING_GLOBALS = ['wasm_bindgen', 'init', 'App', 'wasmBindings', 'mount', 'Widget', '__wbg_init', 'TreatmentGuideElement'];

test('host ids and globals with obvious names do not clash; the widget adds no globals', async () => {
  const url = route('/clash.html', newsPage({
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
  const url = route('/spa.html', newsPage({
    head: '<script>history.replaceState({ route: "article", scrollY: 120 }, "");</script>',
    body: '<main><h1>Single-page app</h1><treatment-guide></treatment-guide></main>',
  }));
  const { page, problems } = await openPage(env.browser, url);
  await ready(page);
  const lengthBefore = await page.evaluate(() => history.length);
  await toggle(page, 'immunotherapy').click();
  assert.equal(await toggle(page, 'immunotherapy').getAttribute('aria-expanded'), 'true');
  // The address follows once the open section is painted.
  await page.waitForFunction(() => location.hash === '#tg-immunotherapy');
  assert.equal(new URL(page.url()).hash, '#tg-immunotherapy');
  assert.equal(await page.evaluate(() => history.length), lengthBefore);
  assert.deepEqual(await page.evaluate(() => history.state), { route: 'article', scrollY: 120 });
  assert.deepEqual(problems, []);
});

test('a click on a section header while suggestions are open opens that section',
  async () => {
    const url = route('/click-after-lookup.html', newsPage({ body: '<main><h1>Lookup, then a section</h1><treatment-guide></treatment-guide></main>' }));
    const { ctx, page, problems } = await openPage(env.browser, url);
    await ready(page);
    assert.ok((await lookUp(page, 'Adriamycin'))[0].startsWith('doxorubicin'));
    await toggle(page, 'chemotherapy').click();
    assert.equal(await toggle(page, 'chemotherapy').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(problems, []);
    await ctx.close();
  });

// ---------------------------------------------- 6. added, removed, changed

test('an element added, removed, re-added and changed after load mounts, unmounts and re-renders', async () => {
  const url = route('/dynamic.html', newsPage({ body: '<main><h1>Later</h1><div id="slot"></div></main>' }));
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

test('a lang the content does not have is reported in the console, and the guide still shows', async () => {
  const url = route('/lang/de.html', newsPage({
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
