// End-to-end: when the widget's code loads. The WebAssembly download starts
// only after the prerendered guide has been painted, so it never competes with
// the host page's first paint (issue 19); the guide then becomes live as before.
// A guide far below the fold waits until the reader nears it, moves into it, or
// the page is idle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, setUp, openPage, widgetReady, hostPage } from './helpers.mjs';

const ARTICLE = '/article.html';
/** A long article whose guide sits far below the fold, after many screens of the host's text. */
const LONG = '/long.html';
const routes = {
  [LONG]: {
    body: hostPage({ prefix: '', body: `<main><h1>A long charity article</h1>${'<p>The host\'s own text, one paragraph of many.</p>'.repeat(300)}
<treatment-guide></treatment-guide></main>` }),
  },
  [ARTICLE]: {
    body: hostPage({ prefix: '', body: '<main><h1>A charity article</h1><treatment-guide></treatment-guide></main>' }),
  },
};
const env = setUp({ routes });

/**
 * Runs in the page first: at each WebAssembly request, notes whether the
 * guide was in the widget, a frame had been rendered since it was put there,
 * and the browser had reported the guide's Largest Contentful Paint (an
 * entry naming no element: the guide is in a shadow root).
 */
function recordWasmRequests() {
  const seen = [];
  const state = { guide: false, framed: false, largest: false };
  Object.defineProperty(window, '__wasmRequests', { value: seen });
  new PerformanceObserver((list) => {
    if (state.guide && list.getEntries().some((entry) => !entry.element)) state.largest = true;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((_, observer) => {
      if (!root.querySelector('.tg-mount button[aria-expanded]')) return;
      observer.disconnect();
      state.guide = true;
      requestAnimationFrame(() => { state.framed = true; });
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
  const original = window.fetch;
  window.fetch = function (input, init) {
    if (String(input instanceof Request ? input.url : input).endsWith('.wasm')) seen.push({ ...state });
    return original.call(this, input, init);
  };
}

test('the WebAssembly download starts after the prerendered guide has been painted and shown (host article and standalone page)', async () => {
  for (const path of [ARTICLE, '/index.html']) {
    const ctx = await newContext(env.browser);
    await ctx.addInitScript(recordWasmRequests);
    const page = await ctx.newPage();
    // A preload hint would start a download before the loader runs, past its fetch.
    const wasm = countWasm(page);
    await page.goto(`${env.server.url.replace(/\/$/, '')}${path}`);
    await widgetReady(page);
    const requests = await page.evaluate(() => window.__wasmRequests);
    assert.equal(requests.length, 1, `${path}: one download of the code, by the loader`);
    assert.equal(wasm.length, 1, `${path}: no other request of the code (no preload hint)`);
    assert.deepEqual(requests[0], { guide: true, framed: true, largest: true }, `${path}: the download starts once the guide is on screen`);
    assert.equal(await page.locator('link[rel=preload], link[rel=modulepreload]').count(), 0, path);
    await ctx.close();
  }
});

test('typing into the guide while its code loads still finds the drug once it is live', async () => {
  const { ctx, page, problems } = await openPage(env.browser, `${env.server.url.replace(/\/$/, '')}${ARTICLE}`);
  const input = page.locator('treatment-guide input[role=combobox]');
  await input.fill('Oncovin');
  await widgetReady(page);
  await page.locator('treatment-guide [role=option]').filter({ hasText: /vincristine/i }).first().waitFor();
  assert.equal(await input.inputValue(), 'Oncovin');
  assert.deepEqual(problems, []);
  await ctx.close();
});

/** Runs in the page first: the idle backstop never comes (a page that is never idle). */
function neverIdle() {
  window.requestIdleCallback = () => 0;
}

/** Counts the WebAssembly requests of `page`. */
function countWasm(page) {
  const seen = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) seen.push(request.url()); });
  return seen;
}

test('a widget far below the fold loads its code only when the reader nears it or moves into it', async () => {
  for (const [how, act] of [
    ['scrolling near it', (page) => page.locator('treatment-guide').scrollIntoViewIfNeeded()],
    ['moving into it from the keyboard', (page) => page.locator('treatment-guide [role=combobox]').focus()],
  ]) {
    const ctx = await newContext(env.browser);
    await ctx.addInitScript(neverIdle);
    const page = await ctx.newPage();
    const wasm = countWasm(page);
    await page.goto(`${env.server.url.replace(/\/$/, '')}${LONG}`);
    // The prerendered guide is there at once, for find-in-page and for readers who scroll.
    await page.locator('treatment-guide .tg-heading > button').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    assert.equal(wasm.length, 0, `${how}: no download while the reader is far above the guide`);
    await act(page);
    await widgetReady(page);
    assert.equal(wasm.length, 1, `${how}: one download once the reader comes near`);
    await ctx.close();
  }
});

test('a widget far below the fold loads anyway once the page is idle, and at once for a link into it', async () => {
  for (const hash of ['', '#tg-immunotherapy']) {
    const ctx = await newContext(env.browser);
    if (hash) await ctx.addInitScript(neverIdle);
    const page = await ctx.newPage();
    await page.goto(`${env.server.url.replace(/\/$/, '')}${LONG}${hash}`);
    await widgetReady(page);
    if (hash) {
      const open = page.locator('treatment-guide [data-tg-section="immunotherapy"] .tg-heading > button');
      assert.equal(await open.getAttribute('aria-expanded'), 'true', 'the linked section opens');
    } else {
      assert.equal(await page.evaluate(() => scrollY), 0, 'live without the reader scrolling');
    }
    await ctx.close();
  }
});
