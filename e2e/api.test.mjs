// End-to-end: the element's public face (README "API"). Each method before
// and after `ready`, each event with its detail, the reflecting properties,
// setContent, and dist/custom-elements.json checked against what the
// element really does (observed attributes, methods, parts in its markup,
// custom properties its stylesheet reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setUp, openPage, widgetReady, DIST, SECTION_IDS, hostPage } from './helpers.mjs';

const PREFIX = '/guide/';
const EXAMPLE = JSON.parse(readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8'));
const ELEMENTS = JSON.parse(readFileSync(`${DIST}custom-elements.json`, 'utf8'));
const CLASS = ELEMENTS.modules[0].declarations[0];

/** Every event of the element that reaches `document`, recorded from the first moment. */
const RECORDER = `<script>
window.seen = [];
${JSON.stringify(CLASS.events.map((e) => e.name))}.forEach(function (type) {
  document.addEventListener(type, function (event) {
    var from = event.composedPath()[0];
    window.seen.push({ type: type, detail: event.detail, bubbles: event.bubbles, composed: event.composed, target: from.id });
  });
});
</script>`;

const page = ({ body, head = '', lang = 'en' }) => ({
  body: hostPage({ lang, head, prefix: PREFIX, script: '', viewport: false, body: `<main><h1>Host page</h1>${body}</main>` }),
});

const renamed = JSON.parse(JSON.stringify(EXAMPLE));
renamed.meta.title = 'Our charity’s guide';
const routes = {
  '/host/plain.html': page({ head: RECORDER, body: '<treatment-guide id="g"></treatment-guide>' }),
  // The methods are called by a script right after the element, long before the code has loaded.
  '/host/early.html': page({
    head: RECORDER,
    body: `<treatment-guide id="g"></treatment-guide>
<script>
var g = document.getElementById('g');
window.early = { live: !!g.shadowRoot.querySelector('[data-tg-live]'), results: {}, order: [] };
var note = function (name) { return function (value) { window.early.results[name] = value; window.early.order.push(name); }; };
g.ready.then(note('ready'));
g.openAll().then(note('openAll'));
g.closeSection('immunotherapy').then(note('closeSection'));
g.openSection('no-such-section').then(note('openSection'));
g.showDrug('Oncovin').then(note('showDrug'));
g.showDrug('zzqqxx').then(note('showDrugNone'));
</script>`,
  }),
  '/host/close-early.html': page({
    head: RECORDER,
    body: `<treatment-guide id="g" open="all"></treatment-guide>
<script>
var g = document.getElementById('g');
window.early = {};
g.closeAll().then(function () { window.early.closeAll = true; });
g.setContent(${JSON.stringify(JSON.stringify(renamed))}).then(function () { window.early.setContent = true; });
</script>`,
  }),
  '/host/gone.html': page({ head: RECORDER, body: '<treatment-guide id="g" content-src="/content/gone.json"></treatment-guide>' }),
  '/host/no-wasm.html': {
    ...page({ head: RECORDER, body: '<treatment-guide id="g"></treatment-guide>' }),
    headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'" },
  },
  '/content/gone.json': { status: 404, body: 'not found', type: 'text/plain' },
};
const env = setUp({ prefix: PREFIX, routes });

const origin = () => env.server.url.slice(0, -PREFIX.length);
const open = (path) => openPage(env.browser, `${origin()}${path}`);
const seen = (p, type) => p.evaluate((t) => window.seen.filter((e) => e.type === t), type);
const expanded = (p, id) => p.locator(`#g [data-tg-section="${id}"] .tg-heading > button`).getAttribute('aria-expanded');

test('methods called before the code has loaded wait for it, then act in order', async () => {
  const { ctx, page: p, problems } = await open('/host/early.html');
  await p.waitForFunction(() => window.early.order.length === 6, null, { timeout: 20000 });
  const early = await p.evaluate(() => window.early);
  assert.equal(early.live, false, 'the calls were made before the widget was live');
  assert.equal(early.order[0], 'ready', 'ready resolves before any call returns');
  assert.deepEqual(early.results, {
    ready: undefined, openAll: undefined, closeSection: true, openSection: false, showDrug: 'vincristine', showDrugNone: null,
  });
  for (const id of SECTION_IDS) assert.equal(await expanded(p, id), id === 'immunotherapy' ? 'false' : 'true', id);
  assert.match(await p.locator('#g .tg-card-title').first().innerText(), /vincristine/i);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('closeAll and setContent before ready: the given content is shown, all closed', async () => {
  const { ctx, page: p, problems } = await open('/host/close-early.html');
  await p.waitForFunction(() => window.early.closeAll && window.early.setContent, null, { timeout: 20000 });
  assert.equal(await p.locator('#g .tg-title').innerText(), 'Our charity’s guide');
  for (const id of SECTION_IDS) assert.equal(await expanded(p, id), 'false', id);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('each method after ready, resolving once the view shows it', async () => {
  const { ctx, page: p, problems } = await open('/host/plain.html');
  await p.evaluate(() => document.getElementById('g').ready);
  await widgetReady(p, '#g');
  const call = (method, ...args) => p.evaluate(([m, a]) => document.getElementById('g')[m](...a), [method, args]);

  assert.equal(await call('openSection', 'chemotherapy'), true);
  assert.equal(await expanded(p, 'chemotherapy'), 'true');
  assert.equal(await call('closeSection', 'chemotherapy'), true);
  assert.equal(await expanded(p, 'chemotherapy'), 'false');
  assert.equal(await call('openSection', 'not-a-section'), false);
  assert.equal(await call('openAll'), undefined);
  for (const id of SECTION_IDS) assert.equal(await expanded(p, id), 'true', id);
  assert.equal(await call('closeAll'), undefined);
  for (const id of SECTION_IDS) assert.equal(await expanded(p, id), 'false', id);
  // Any name, as the lookup takes it: brand, code, another language, no accents.
  assert.equal(await call('showDrug', 'Kymriah'), 'tisagenlecleucel');
  assert.match(await p.locator('#g .tg-card').innerText(), /tisagenlecleucel/i);
  assert.equal(await call('showDrug', 'VP-16'), 'etoposide');
  assert.equal(await call('showDrug', 'daunorubicine'), 'daunorubicin');
  assert.equal(await call('showDrug', 'no such drug at all'), null);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('setContent after ready: shown like a content-src file, with the same notice; null goes back', async () => {
  const { ctx, page: p, problems } = await open('/host/plain.html');
  await p.evaluate(() => document.getElementById('g').ready);
  const renamed = JSON.parse(JSON.stringify(EXAMPLE));
  renamed.sections[1].title = 'Chemo, in our words';
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  await p.evaluate((text) => document.getElementById('g').setContent(text), JSON.stringify(renamed));
  assert.equal(await p.locator('#g [data-tg-section=chemotherapy] .tg-heading').innerText(), 'Chemo, in our words');
  assert.equal(await p.evaluate(() => document.getElementById('g').openSection('chemotherapy')), true);

  const otherTopic = { meta: { title: 'Feeling sick' }, sections: [{ id: 'feeling-sick', title: 'Feeling sick', body: 42 }] };
  await p.evaluate((text) => document.getElementById('g').setContent(text), JSON.stringify(otherTopic));
  assert.match(await p.locator('#g [role=alert]').innerText(), /could not be loaded/);
  assert.equal(await p.locator('#g .tg-section').count(), 0, 'no other topic’s guide stands in');
  const errors = await seen(p, 'tg-error');
  assert.equal(errors.at(-1).detail.kind, 'content-file');
  assert.match(errors.at(-1).detail.message, /content given to setContent could not be used/);

  await p.evaluate(() => document.getElementById('g').setContent(null));
  assert.equal(await p.locator('#g [data-tg-section=chemotherapy] .tg-heading').innerText(), 'Chemotherapy');
  assert.equal(await p.locator('#g [role=alert]').count(), 0);
  // The content reader, once for both texts; nothing else, and never the content
  // (besides the read-aloud module, which loads once a section is open: src/loader/listen.js).
  const names = requests.map((url) => new URL(url).pathname.split('/').pop()).filter((n) => !/^listen-[0-9a-f]{16}\.js$/.test(n));
  assert.deepEqual(names.map((n) => n.replace(/-[0-9a-f]{16}\./, '-<hash>.')).sort(),
    ['content-reader-<hash>.js', 'content-reader-<hash>.wasm'], `only the content reader is requested: ${names}`);
  assert.ok(problems.every((m) => m.includes('treatment-guide:')), JSON.stringify(problems));
  await ctx.close();
});

test('properties reflect their attributes', async () => {
  const { ctx, page: p } = await open('/host/plain.html');
  const state = await p.evaluate(async () => {
    const g = document.getElementById('g');
    const before = { open: g.open, headingLevel: g.headingLevel, contentSrc: g.contentSrc, debug: g.debug, lang: g.lang };
    g.open = 'chemotherapy';
    g.headingLevel = 3;
    g.debug = true;
    g.lang = 'fr';
    const set = ['open', 'heading-level', 'debug', 'lang'].map((a) => g.getAttribute(a));
    g.setAttribute('content-src', '/content/x.json');
    const contentSrc = g.contentSrc;
    g.contentSrc = null;
    g.debug = false;
    return { before, set, contentSrc, after: [g.hasAttribute('content-src'), g.hasAttribute('debug')] };
  });
  assert.deepEqual(state.before, { open: null, headingLevel: null, contentSrc: null, debug: false, lang: '' });
  assert.deepEqual(state.set, ['chemotherapy', '3', '', 'fr']);
  assert.equal(state.contentSrc, '/content/x.json');
  assert.deepEqual(state.after, [false, false]);
  await ctx.close();
});

test('events: tg-ready once, tg-section-toggle from the reader and the methods, tg-drug-show without the typed text', async () => {
  const { ctx, page: p } = await open('/host/plain.html');
  await p.evaluate(() => document.getElementById('g').ready);
  await widgetReady(p, '#g');
  await p.locator('#g [data-tg-section=chemotherapy] .tg-heading > button').click();
  await p.evaluate(() => document.getElementById('g').closeSection('chemotherapy'));
  await p.locator('#g input[role=combobox]').fill('Oncov');
  await p.locator('#g [role=option]').first().click();
  await p.locator('#g .tg-card').waitFor();
  await p.evaluate(() => document.getElementById('g').showDrug('Kymriah'));
  await p.waitForFunction(() => window.seen.filter((e) => e.type === 'tg-drug-show').length === 2);

  const all = await p.evaluate(() => window.seen);
  for (const event of all) {
    assert.ok(event.bubbles && event.composed, `${event.type} bubbles and is composed`);
    assert.equal(event.target, 'g', `${event.type} is dispatched on the element`);
  }
  assert.deepEqual((await seen(p, 'tg-ready')).map((e) => e.detail), [null]);
  assert.deepEqual((await seen(p, 'tg-section-toggle')).map((e) => e.detail), [
    { id: 'chemotherapy', open: true },
    { id: 'chemotherapy', open: false },
  ]);
  assert.deepEqual((await seen(p, 'tg-drug-show')).map((e) => e.detail), [{ drug: 'vincristine' }, { drug: 'tisagenlecleucel' }]);
  assert.ok(!JSON.stringify(all).includes('Oncov'), 'no event carries what the reader typed');
  await ctx.close();
});

test('tg-error for a content file, with its kind and message; ready still resolves', async () => {
  const { ctx, page: p } = await open('/host/gone.html');
  await p.evaluate(() => document.getElementById('g').ready);
  const errors = await seen(p, 'tg-error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].detail.kind, 'content-file');
  assert.match(errors[0].detail.message, /content file \/content\/gone\.json could not be used: the server answered HTTP 404/);
  assert.equal(await p.evaluate(() => document.getElementById('g').openSection('chemotherapy')), false, 'no guide to open');
  await ctx.close();
});

test('tg-error no-wasm when the page forbids WebAssembly; ready resolves and the methods say they could not act', async () => {
  const { ctx, page: p } = await open('/host/no-wasm.html');
  await p.evaluate(() => document.getElementById('g').ready);
  const errors = await seen(p, 'tg-error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].detail.kind, 'no-wasm');
  assert.match(errors[0].detail.message, /wasm-unsafe-eval/);
  const results = await p.evaluate(async () => {
    const g = document.getElementById('g');
    return [await g.openSection('chemotherapy'), await g.showDrug('Oncovin'), await g.openAll()];
  });
  assert.deepEqual(results, [false, null, undefined]);
  assert.equal((await seen(p, 'tg-ready')).length, 1);
  await ctx.close();
});

test('custom-elements.json matches what the element really does', async () => {
  const { ctx, page: p } = await open('/host/plain.html');
  await p.evaluate(() => document.getElementById('g').ready);
  await widgetReady(p, '#g');
  const attributes = CLASS.attributes.map((a) => a.name);
  const methods = CLASS.members.filter((m) => m.kind === 'method').map((m) => m.name);
  const fields = CLASS.members.filter((m) => m.kind === 'field' && !m.static).map((m) => m.name);
  const statics = CLASS.members.filter((m) => m.kind === 'field' && m.static).map((m) => m.name);
  const real = await p.evaluate(async ({ tag, methods, fields, statics }) => {
    const Element = customElements.get(tag);
    const g = document.getElementById('g');
    await g.openAll();
    await g.showDrug('Oncovin');
    const parts = new Set([...g.shadowRoot.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part').split(/\s+/)));
    const css = g.shadowRoot.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    return {
      observed: Element.observedAttributes,
      methods: methods.filter((m) => typeof g[m] === 'function'),
      fields: fields.filter((f) => f in g),
      statics: statics.filter((s) => typeof Element[s] === 'string'),
      ready: g.ready instanceof Promise,
      parts: [...parts],
      properties: [...new Set(css.match(/--tg-[a-z0-9-]+/g))].filter((name) => css.includes(`var(${name}`)),
    };
  }, { tag: CLASS.tagName, methods, fields, statics });
  assert.deepEqual(real.observed, attributes);
  assert.deepEqual(real.methods, methods);
  assert.deepEqual(real.fields, fields);
  assert.deepEqual(real.statics, statics);
  assert.ok(real.ready);
  // The notice part shows only for a content file that cannot be used.
  const { ctx: other, page: failed } = await open('/host/gone.html');
  await failed.locator('#g [part=notice]').waitFor();
  await other.close();
  // The listen part shows only on a device with a local voice (e2e/listen.test.mjs checks it).
  assert.deepEqual([...new Set([...real.parts, 'notice', 'listen'])].sort(), CLASS.cssParts.map((x) => x.name).sort());
  assert.deepEqual(real.properties.sort(), CLASS.cssProperties.map((x) => x.name).sort());
  const types = readFileSync(`${DIST}treatment-guide.d.ts`, 'utf8');
  assert.match(types, /interface HTMLElementTagNameMap \{\s*'treatment-guide': TreatmentGuideElement;/);
  for (const event of CLASS.events) assert.ok(types.includes(`'${event.name}': CustomEvent<`), event.name);
  await ctx.close();
});
