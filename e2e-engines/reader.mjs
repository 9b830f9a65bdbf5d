// What a reader depends on, in Chromium, Firefox and WebKit alike: the guide renders and
// comes alive, sections toggle, the lookup answers, French, a charity's own content file
// (read by the content reader module, under a strict CSP), no console errors,
// one download of each file, the underline cue on terms, and the plain guide
// when a host's CSP forbids WebAssembly. Each test gets `{ engine, site }`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/static-server.mjs';
import { waitFor, focusAndType, Key } from './engines.mjs';
import { fakeSpeech, VOICES } from '../tools/fake-speech.mjs';
import { LOADER_FILE } from '../tools/modules.mjs';

/** The built site these tests open; E2E_DIST points them at another build. */
export const DIST = process.env.E2E_DIST || fileURLToPath(new URL('../dist/', import.meta.url));
/** The section ids, in page order (as e2e/helpers.mjs reads them). */
const SECTION_IDS = JSON.parse(readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8'))
  .sections.map((s) => s.id);
const RECORDER = '/e2e-recorder.js';
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
/** The README's recommended policy. */
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** A small content file on another topic, served as a charity's content-src. */
const CONTENT = '/content/nausea.json';
const LIVE = '.tg-mount[data-tg-live] button[aria-expanded]';
/** The tests' recording speech engine (tools/fake-speech.mjs), step by step, as a script a host page loads first. */
const FAKE_SPEECH = '/e2e-fake-speech.js';

/**
 * Serves dist/ with the routes these tests add: a recorder of console errors
 * and page errors (loaded first, as a file so a strict CSP allows it), the
 * standalone page with the recorder in it, and a no-op service worker (the
 * real one downloads every file again after load, on purpose, for offline use;
 * here the page's own downloads are counted).
 */
export async function startSite() {
  const routes = {
    [RECORDER]: { type: 'text/javascript', body: readFileSync(new URL('./recorder.js', import.meta.url)) },
    '/sw.js': { type: 'text/javascript', body: '' },
    [FAKE_SPEECH]: { type: 'text/javascript', body: `(${fakeSpeech})(${JSON.stringify({ voices: VOICES.en, hold: true })});` },
    '/favicon.ico': { status: 204, body: '', type: 'image/x-icon' },
    [CONTENT]: { type: 'application/json', body: readFileSync(new URL('../crates/content/tests/fixtures/nausea.json', import.meta.url)) },
  };
  const index = readFileSync(`${DIST}index.html`, 'utf8');
  routes['/index.html'] = { body: index.replace('<head>', `<head><script src="${RECORDER}"></script>`) };
  const server = await startServer({ root: DIST, routes });
  /** Adds a host page at `path`; returns its URL. */
  const host = (path, { lang = 'en', body = '<treatment-guide></treatment-guide>', headers = {}, speech = false } = {}) => {
    routes[path] = {
      headers,
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>
<script src="${RECORDER}"></script>${speech ? `<script src="${FAKE_SPEECH}"></script>` : ''}<script src="/${LOADER_FILE}" defer></script></head>
<body><main><h1>A charity article</h1>${body}<p id="after">Host text after the guide.</p></main></body></html>`,
    };
    return `${server.url.replace(/\/$/, '')}${path}`;
  };
  return { server, host, url: (path) => `${server.url.replace(/\/$/, '')}${path}` };
}

/** Opens `url` and waits until the first widget is live (its code has taken the guide over). */
async function openLive(driver, url) {
  await driver.get(url);
  await waitFor(driver, (sel) => document.querySelector('treatment-guide')?.shadowRoot?.querySelector(sel), 'the widget is live', LIVE);
}

/** Console errors and page errors, from the page's recorder and the browser's own log. */
async function problems(engine, driver) {
  const recorded = await driver.executeScript(() => window.tgRecorded || ['the recorder did not run']);
  return [...recorded, ...engine.consoleErrors()];
}

/** What the page and the guide load (a browser fetches the page's icons on its own schedule: Chromium twice). */
const LOADED = /\.(html|js|css|wasm|json)$/;

/** Files of the page and the guide requested more than once since `start` (index into server.requests). */
function repeated(server, start) {
  const counts = new Map();
  for (const path of server.requests.slice(start).filter((p) => LOADED.test(p))) counts.set(path, (counts.get(path) || 0) + 1);
  return [...counts].filter(([, n]) => n > 1);
}

/** State of a section of the first widget: its button's aria-expanded and whether its panel shows (has a height). */
function section(driver, id) {
  return driver.executeScript((sid) => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const box = root.querySelector(`[data-tg-section="${sid}"]`);
    const panel = box.querySelector('.tg-panel');
    const shown = getComputedStyle(panel).display !== 'none' && panel.getBoundingClientRect().height > 0;
    return { expanded: box.querySelector('.tg-heading > button').getAttribute('aria-expanded'), shown };
  }, id);
}

export const tests = [
  ['the standalone page renders every section, comes alive, downloads each file once, with no console error', async ({ engine, site }) => {
    const { driver } = engine;
    const start = site.server.requests.length;
    await openLive(driver, site.url('/index.html'));
    const ids = await driver.executeScript(() => [...document.querySelector('treatment-guide').shadowRoot
      .querySelectorAll('[data-tg-section]')].map((s) => s.dataset.tgSection));
    assert.deepEqual(ids, SECTION_IDS);
    const readyAt = await driver.executeScript(() => window.tgReadyAt);
    assert.equal(typeof readyAt, 'number', 'the widget said it is ready (tg-ready)');
    console.log(`#   ${engine.name || ''} ready: ${Math.round(readyAt)} ms after navigation (standalone page, first visit)`);
    assert.equal(await driver.executeScript(() => document.querySelectorAll('h1').length), 1);
    // Let late requests (a second wasm download comes 20-50 ms after the first) arrive.
    await driver.sleep(500);
    const requested = site.server.requests.slice(start);
    assert.equal(requested.filter((p) => p.endsWith('.wasm')).length, 1, `one wasm download: ${requested.join(' ')}`);
    assert.deepEqual(repeated(site.server, start), [], 'no file is downloaded twice');
    assert.deepEqual(await problems(engine, driver), []);
  }],

  ['sections open and close from the keyboard; the address follows', async ({ engine, site }) => {
    const { driver } = engine;
    await openLive(driver, site.url('/index.html'));
    assert.deepEqual(await section(driver, 'chemotherapy'), { expanded: 'false', shown: false });
    await focusAndType(driver, '[data-tg-section="chemotherapy"] .tg-heading > button', [Key.ENTER]);
    await waitFor(driver, () => document.querySelector('treatment-guide').shadowRoot
      .querySelector('[data-tg-section="chemotherapy"] .tg-heading > button').getAttribute('aria-expanded') === 'true', 'chemotherapy opens');
    assert.deepEqual(await section(driver, 'chemotherapy'), { expanded: 'true', shown: true });
    // The address follows once the open section is painted.
    await waitFor(driver, () => location.hash === '#tg-chemotherapy', 'the address names the section');
    assert.match(await driver.getCurrentUrl(), /#tg-chemotherapy$/);
    await driver.actions().sendKeys(' ').perform();
    await waitFor(driver, () => document.querySelector('treatment-guide').shadowRoot
      .querySelector('[data-tg-section="chemotherapy"] .tg-heading > button').getAttribute('aria-expanded') === 'false', 'chemotherapy closes');
    assert.deepEqual(await section(driver, 'chemotherapy'), { expanded: 'false', shown: false });
    assert.deepEqual(await problems(engine, driver), []);
  }],

  ['the lookup answers a brand name, typed key by key', async ({ engine, site }) => {
    const { driver } = engine;
    await openLive(driver, site.url('/index.html'));
    await focusAndType(driver, 'input[role=combobox]', ['Adriamycin']);
    const found = await waitFor(driver, () => {
      const root = document.querySelector('treatment-guide').shadowRoot;
      const options = [...root.querySelectorAll('[role=listbox]:not([hidden]) [role=option]')].map((o) => o.textContent.trim());
      const status = root.querySelector('[role=status]').textContent.trim();
      return options.length && status ? { options, status } : null;
    }, 'suggestions for Adriamycin');
    assert.ok(found.options[0].startsWith('doxorubicin'), found.options[0]);
    assert.match(found.status, /drugs? found/);
    assert.deepEqual(await problems(engine, driver), []);
  }],

  ['terms keep their dotted underline, the cue that they open a bubble', async ({ engine, site }) => {
    const { driver } = engine;
    await openLive(driver, site.url('/index.html#tg-chemotherapy'));
    const terms = await waitFor(driver, () => {
      const panel = document.querySelector('treatment-guide').shadowRoot.querySelector('[data-tg-section="chemotherapy"] .tg-panel');
      const words = [...panel.querySelectorAll('.tg-mention-word')];
      return words.length && panel.getBoundingClientRect().height > 0 ? words.slice(0, 3).map((w) => {
        const style = getComputedStyle(w);
        return { text: w.textContent, line: style.textDecorationLine, style: style.textDecorationStyle };
      }) : null;
    }, 'terms in the open chemotherapy section');
    for (const term of terms) {
      assert.match(term.line, /underline/, `${term.text} is underlined`);
      assert.equal(term.style, 'dotted', `${term.text} has a dotted underline`);
    }
  }],

  ['a French page shows the French guide, loads the French file once, with no console error', async ({ engine, site }) => {
    const { driver } = engine;
    const start = site.server.requests.length;
    await openLive(driver, site.host('/fr.html', { lang: 'fr-CA' }));
    const text = await driver.executeScript(() => {
      const root = document.querySelector('treatment-guide').shadowRoot;
      return { title: root.querySelector('.tg-title').textContent, heading: root.querySelector('[data-tg-section="chemotherapy"] h2').textContent };
    });
    assert.match(text.title, /leucémie lymphoblastique aiguë \(LLA\)/);
    assert.equal(text.heading.trim(), 'Chimiothérapie');
    await driver.sleep(300);
    assert.equal(site.server.requests.slice(start).filter((p) => /-fr-[0-9a-f]+\.json$/.test(p)).length, 1);
    assert.deepEqual(repeated(site.server, start), [], 'no file is downloaded twice');
    assert.deepEqual(await problems(engine, driver), []);
  }],

  ['a content-src file is read by the content reader under a strict CSP, each file downloaded once', async ({ engine, site }) => {
    const { driver } = engine;
    const start = site.server.requests.length;
    await openLive(driver, site.host('/content-src.html', {
      body: `<treatment-guide content-src="${CONTENT}"></treatment-guide>`, headers: { 'Content-Security-Policy': STRICT_CSP },
    }));
    const ids = await driver.executeScript(() => [...document.querySelector('treatment-guide').shadowRoot
      .querySelectorAll('[data-tg-section]')].map((s) => s.dataset.tgSection));
    assert.deepEqual(ids, ['feeling-sick', 'anti-sickness-medicines']);
    await driver.sleep(300);
    const reader = site.server.requests.slice(start).filter((p) => /\/content-reader-[0-9a-f]{16}\.(js|wasm)$/.test(p));
    assert.equal(reader.length, 2, `the content reader's glue and wasm: ${reader.join(' ')}`);
    assert.deepEqual(repeated(site.server, start), [], 'no file is downloaded twice');
    assert.deepEqual(await problems(engine, driver), []);
  }],

  ['Listen reads a section with the local voice and highlights the sentence in the shadow root (or marks its paragraph)', async ({ engine, site }) => {
    const { driver } = engine;
    await openLive(driver, site.host('/listen.html', { speech: true }) + '#tg-chemotherapy');
    const heading = await waitFor(driver, () => document.querySelector('treatment-guide').shadowRoot
      .querySelector('[data-tg-section="chemotherapy"] [data-tg-listen] .tg-listen-main') && document.querySelector('treatment-guide').shadowRoot
      .querySelector('[data-tg-section="chemotherapy"] .tg-toggle-title'), 'the Listen button of the open section, shown');
    const before = await heading.takeScreenshot();
    await driver.executeScript(() => document.querySelector('treatment-guide').shadowRoot
      .querySelector('[data-tg-section="chemotherapy"] .tg-listen-main').click());
    await waitFor(driver, () => window.__speech.spoken.length === 1, 'the first sentence is spoken');
    const shown = await driver.executeScript(() => {
      window.__speech.step();
      window.__speech.step();
      const api = !!(window.CSS && CSS.highlights && window.Highlight);
      const text = (name) => (api && CSS.highlights.has(name) ? [...CSS.highlights.get(name)].map(String).join('|') : '');
      const marked = document.querySelector('treatment-guide').shadowRoot.querySelector('[data-tg-reading]');
      return { api, sentence: text('tg-listen-sentence'), word: text('tg-listen-word'), marked: marked && marked.textContent.trim(), spoken: window.__speech.spoken };
    });
    assert.equal(shown.spoken[0].voice, 'device-en-GB', 'the local voice, not the network default');
    assert.equal(shown.spoken[0].text, 'Chemotherapy');
    if (shown.api) {
      assert.deepEqual([shown.sentence, shown.word, shown.marked], ['Chemotherapy', 'Chemotherapy', null]);
      // Painted inside the shadow root: the heading looks different. WebKitGTK's driver
      // screenshots show no custom highlight at all, not even one in the page's own
      // DOM (checked 2026-12-06, WebKitGTK 2.50.6), so there the ranges alone are checked.
      await driver.sleep(100);
      const painted = (await heading.takeScreenshot()) !== before;
      if (engine.name !== 'webkit') assert.ok(painted, 'the highlight is painted');
      else console.log(`#   webkit: highlight ranges set; painted in the driver's screenshot: ${painted}`);
    } else {
      assert.equal(shown.marked, 'Chemotherapy', 'without the Highlight API, the paragraph is marked');
    }
    console.log(`#   ${engine.name || ''} highlight: ${shown.api ? 'CSS Custom Highlight API' : 'fallback (marked paragraph)'}`);
    assert.deepEqual(await problems(engine, driver), []);
  }],

  ['a host whose CSP forbids WebAssembly keeps the whole guide, with a note', async ({ engine, site }) => {
    const { driver } = engine;
    await driver.get(site.host('/no-wasm.html', { headers: { 'Content-Security-Policy': NO_WASM_CSP } }));
    const note = await waitFor(driver, () => document.querySelector('treatment-guide')?.shadowRoot
      ?.querySelector('.tg-static-note')?.textContent, 'the note that the search is off');
    assert.match(note, /drug search is not available in this browser or on this site/);
    const shown = await driver.executeScript(() => [...document.querySelector('treatment-guide').shadowRoot
      .querySelectorAll('[data-tg-section]')].filter((s) => s.querySelector('.tg-panel').getBoundingClientRect().height > 0)
      .map((s) => s.dataset.tgSection));
    assert.deepEqual(shown, SECTION_IDS, 'every section is readable');
    assert.equal(await driver.executeScript(() => document.getElementById('after').textContent), 'Host text after the guide.');
  }],
];
