// End-to-end: static first. The guide is prerendered at build time with the
// widget's own components; readers see it before the WebAssembly arrives and
// keep it without script or WebAssembly; the code then takes the same DOM
// over (rendering the same tree in its place) without a flash, a layout
// shift, a lost click, or a lost focus or caret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, newContext, widgetReady, axeViolations, DIST, SECTION_IDS, hostPage } from './helpers.mjs';

const PREFIX = '/tg/';
const routes = {
  // The README's rule that holds the guide's space until the loader runs.
  '/host.css': { type: 'text/css', body: 'treatment-guide:not(:defined) { display: block; min-height: 100vh; }' },
};
const env = setUp({ prefix: PREFIX, routes });
const origin = () => env.origin();

/** A host article with the widget in it (and the README's CSS rule); `attrs` go on the element. */
function host(path, { attrs = '', headers = {}, lang = 'en' } = {}) {
  routes[path] = {
    headers,
    body: hostPage({ lang, head: '\n<link rel="stylesheet" href="/host.css">', prefix: PREFIX,
      body: `<main><h1>A charity article</h1><p>Some words of the host before the guide.</p>
<treatment-guide ${attrs}></treatment-guide><p id="after">Host text after the guide.</p></main>` }),
  };
  return `${origin()}${path}`;
}

/** A page whose WebAssembly arrives only when `release()` is called. */
async function withHeldWasm(url, context = {}) {
  const ctx = await newContext(env.browser, context);
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  let release;
  const held = new Promise((done) => { release = done; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(url);
  return { ctx, page, problems, release };
}

const shadow = (page) => page.locator('treatment-guide').first();
const header = (page, id) => shadow(page).locator(`[data-tg-section="${id}"] .tg-heading > button`);

test('the standalone page with JavaScript off: one h1, every section heading and text readable', async () => {
  const ctx = await newContext(env.browser, { javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${env.server.url}index.html`);
  assert.equal(await page.locator('h1').count(), 1);
  const headings = page.locator('treatment-guide h2');
  assert.equal(await headings.count(), SECTION_IDS.length);
  assert.equal(await page.locator('treatment-guide h2', { hasText: 'Chemotherapy' }).count(), 1);
  for (const id of SECTION_IDS) {
    const panel = page.locator(`treatment-guide [data-tg-section="${id}"] .tg-panel`);
    assert.ok(await panel.isVisible(), `${id} is readable`);
    assert.ok((await panel.innerText()).length > 80, `${id} has its text: ${await panel.innerText()}`);
  }
  assert.ok(await page.locator('treatment-guide .tg-drug', { hasText: 'vincristine' }).first().isVisible(), 'drug names are in the text');
  assert.equal(await page.locator('treatment-guide button, treatment-guide input').count(), 0, 'no dead controls');
});

test("the standalone page's tab icon is a PNG that exists (an SVG one is drawn again on the main thread at every section toggle)", () => {
  const page = readFileSync(join(DIST, 'index.html'), 'utf8');
  const icons = [...page.matchAll(/<link rel="icon" href="([^"]+)"[^>]*type="([^"]+)"/g)];
  assert.equal(icons.length, 1, 'one tab icon');
  const [, href, type] = icons[0];
  assert.equal(type, 'image/png');
  assert.ok(readFileSync(join(DIST, href)).subarray(1, 4).toString() === 'PNG', `${href} is a PNG file`);
});

test('dist/fallback.html is the plain guide a host may paste inside the element', () => {
  const html = readFileSync(`${DIST}fallback.html`, 'utf8');
  assert.equal((html.match(/<h2 /g) || []).length, SECTION_IDS.length);
  assert.doesNotMatch(html, /<button|<input|<script|hidden/);
  assert.match(html, /vincristine/);
});

test('the prerendered guide shows before the WebAssembly arrives; the code renders the same guide in its place', async () => {
  const { page, problems, release } = await withHeldWasm(host('/held.html'));
  await header(page, 'chemotherapy').waitFor();
  assert.equal(await shadow(page).locator('.tg-heading > button').count(), SECTION_IDS.length);
  assert.equal(await shadow(page).locator('.tg-mount[data-tg-live]').count(), 0, 'not live yet');
  const mount = (property) => page.evaluate((p) => document.querySelector('treatment-guide').shadowRoot.querySelector('.tg-mount')[p], property);
  assert.doesNotMatch(await mount('innerHTML'), /<!--/, 'plain HTML: no hydration markers');
  const before = await mount('innerText');
  release();
  await widgetReady(page);
  assert.equal(await shadow(page).locator('.tg-mount').count(), 1, 'one guide');
  // The very text the reader saw, in the same order.
  assert.equal(await mount('innerText'), before);
  await header(page, 'immunotherapy').click();
  assert.equal(await header(page, 'immunotherapy').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(problems, []);
});

test('focus and caret stay where the reader left them when the code takes over', async () => {
  for (const [what, focus, check] of [
    ['the lookup, mid-word', async (page) => {
      await shadow(page).locator('[role=combobox]').focus();
      await page.keyboard.type('Oncoin');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
    }, async (page) => {
      // The caret is still after "Onco": the next key lands there.
      await page.keyboard.type('v');
      assert.equal(await shadow(page).locator('[role=combobox]').inputValue(), 'Oncovin');
      assert.match(await shadow(page).locator('[role=option]').first().innerText(), /^vincristine/);
    }],
    ['a section header', async (page) => {
      await header(page, 'radiation-therapy').focus();
    }, async (page) => {
      await page.keyboard.press('Enter');
      await header(page, 'radiation-therapy').and(page.locator('[aria-expanded="true"]')).waitFor();
    }],
  ]) {
    const { ctx, page, problems, release } = await withHeldWasm(host(`/focus-${what.length}.html`));
    await header(page, 'chemotherapy').waitFor();
    await focus(page);
    release();
    await widgetReady(page);
    await page.waitForFunction(() => document.querySelector('treatment-guide').shadowRoot.activeElement !== null);
    await check(page);
    assert.deepEqual(problems, [], what);
    await ctx.close();
  }
});

test('a click on a section header and typing in the lookup before the code runs are not lost', async () => {
  const { page, problems, release } = await withHeldWasm(host('/early.html'));
  await header(page, 'chemotherapy').click();
  await shadow(page).locator('[role=combobox]').fill('Oncovin');
  release();
  await widgetReady(page);
  await header(page, 'chemotherapy').and(page.locator('[aria-expanded="true"]')).waitFor();
  const option = shadow(page).locator('[role=option]').first();
  await option.waitFor();
  assert.match(await option.innerText(), /^vincristine/);
  assert.deepEqual(problems, []);
});

test('open, content-src and a deep link: the widget renders what they ask for, once', async () => {
  routes['/own.json'] = { body: readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8'), type: 'application/json' };
  for (const [path, attrs, hash, open] of [
    ['/open.html', 'open="chemotherapy" heading-level="3"', '', 'chemotherapy'],
    ['/own.html', 'content-src="/own.json"', '', null],
    ['/deep.html', '', '#tg-immunotherapy', 'immunotherapy'],
  ]) {
    const ctx = await newContext(env.browser);
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(host(path, { attrs }) + hash);
    await widgetReady(page);
    if (open) await header(page, open).and(page.locator('[aria-expanded="true"]')).waitFor();
    const expanded = await shadow(page).locator('.tg-heading > button[aria-expanded="true"]').count();
    assert.equal(expanded, open ? 1 : 0, `${path}: open sections`);
    assert.equal(await shadow(page).locator('.tg-mount').count(), 1, `${path}: one guide`);
    assert.equal(await shadow(page).locator('.tg-root').count(), 1, `${path}: one guide`);
    if (path === '/open.html') assert.equal(await shadow(page).locator('h3 > button').count(), 9);
    assert.deepEqual(problems, [], path);
    await ctx.close();
  }
});

test('no layout shift while the code takes the prerendered guide over (phone and desktop)', async () => {
  for (const viewport of [{ width: 375, height: 700 }, { width: 1280, height: 800 }]) {
    for (const url of [host('/cls.html'), `${env.server.url}index.html`]) {
      const ctx = await newContext(env.browser, { viewport });
      await ctx.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await ctx.newPage();
      let release;
      const held = new Promise((done) => { release = done; });
      await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
      await page.goto(url);
      await header(page, 'chemotherapy').waitFor();
      await page.waitForTimeout(300);
      release();
      await widgetReady(page);
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `${url} at ${viewport.width}px: ${JSON.stringify(shifts)}`);
      await ctx.close();
    }
  }
});

test('a host whose CSP forbids WebAssembly keeps the whole guide, with a note and the directive named', async () => {
  const url = host('/csp.html', { headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" } });
  const ctx = await newContext(env.browser);
  const page = await ctx.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.goto(url);
  const note = shadow(page).locator('.tg-static-note');
  await note.waitFor();
  assert.match(await note.innerText(), /drug search is not available in this browser or on this site/);
  for (const id of SECTION_IDS) {
    assert.ok(await shadow(page).locator(`[data-tg-section="${id}"] .tg-panel`).isVisible(), `${id} readable`);
  }
  assert.ok(messages.some((m) => m.includes("'wasm-unsafe-eval'") && m.includes('script-src')), messages.join('\n'));
  assert.equal(await page.locator('#after').innerText(), 'Host text after the guide.');
});

test('a French host page gets the note in French when the code cannot run', async () => {
  const url = host('/csp-fr.html', { lang: 'fr-CA', headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" } });
  const ctx = await newContext(env.browser);
  const page = await ctx.newPage();
  await page.goto(url);
  const note = shadow(page).locator('.tg-static-note');
  await note.waitFor();
  assert.match(await note.innerText(), /recherche de médicaments/);
});

test('the plain guide shown when the code cannot run has no axe violations', async () => {
  const ctx = await newContext(env.browser);
  const page = await ctx.newPage();
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(host('/axe-static.html'));
  await shadow(page).locator('.tg-static-note').waitFor();
  assert.deepEqual(await axeViolations(page), []);
});
