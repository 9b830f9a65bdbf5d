// End-to-end: the widget's code compiled off the page's main thread (issue 29).
// Chromium compiles WebAssembly lazily, on each function's first call, on the
// thread that calls it; the loader's warm-up worker (src/warm.js) runs the
// start-up on the page's compiled module first, so the page's own instance
// finds its functions compiled. These tests check that the worker goes all
// the way through this build's start-up, that the page then compiles almost
// nothing, and that a page refusing workers still gets its widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostPage, openPage, setUp, widgetReady } from './helpers.mjs';
import { GLUE, WARM, WASM } from './embed-host.mjs';

const ARTICLE = '/article.html';
const NO_WORKERS = '/no-workers.html';
const routes = {
  [ARTICLE]: { body: hostPage({ body: '<main><h1>A charity article</h1><treatment-guide></treatment-guide></main>' }) },
  [NO_WORKERS]: {
    body: hostPage({ body: '<main><h1>A strict page</h1><treatment-guide></treatment-guide></main>' }),
    headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'none'" },
  },
};
const env = setUp({ routes });

test('the warm-up worker goes through this build\'s whole start-up: prepared, mounted, a section opened, a name typed', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}fallback.html`);
  const answer = await page.evaluate(async ({ WARM, GLUE, WASM }) => {
    const module = await WebAssembly.compileStreaming(fetch(WASM));
    const worker = new Worker(WARM, { type: 'module' });
    worker.postMessage({ glue: new URL(GLUE, location.href).href });
    return new Promise((done) => {
      worker.onmessage = (message) => done(message.data);
      worker.onerror = (error) => done({ error: error.message });
      worker.postMessage({ module });
    });
  }, { WARM, GLUE, WASM });
  assert.deepEqual(answer, { done: true, reached: 'typed', error: null });
  assert.deepEqual(problems, []);
});

/** The lazy compilations of WebAssembly functions during a visit of `url`, by thread: { main, workers }. */
async function lazyCompiles(url) {
  const page = await env.browser.newPage();
  try {
    await env.browser.startTracing(page, { categories: ['devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
    await page.goto(url);
    await widgetReady(page);
    await page.locator('treatment-guide [role=combobox]').fill('Oncovin');
    await page.locator('treatment-guide [role=option]').filter({ hasText: /vincristine/i }).first().waitFor();
    const events = JSON.parse(await env.browser.stopTracing()).traceEvents;
    const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
    const count = { main: 0, workers: 0 };
    for (const e of events.filter((e) => e.name === 'wasm.CompileLazy')) {
      const thread = names.get(`${e.pid}:${e.tid}`) || '';
      if (thread === 'CrRendererMain') count.main += 1;
      else if (/Worker/.test(thread)) count.workers += 1;
    }
    return count;
  } finally {
    await page.close();
  }
}

test('in Chromium the page\'s main thread compiles almost none of the code: the worker did it', async () => {
  const count = await lazyCompiles(`${env.server.url.replace(/\/$/, '')}${ARTICLE}`);
  assert.ok(count.workers > 500, `the worker compiled the start-up (${count.workers} functions)`);
  assert.ok(count.main < count.workers / 10, `the main thread compiled ${count.main} functions, the worker ${count.workers}`);
});

test('a page whose policy refuses workers gets a live widget all the same', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url.replace(/\/$/, '')}${NO_WORKERS}`);
  await widgetReady(page);
  await page.locator('treatment-guide [role=combobox]').fill('Oncovin');
  await page.locator('treatment-guide [role=option]').filter({ hasText: /vincristine/i }).first().waitFor();
  // The browser reports the refused worker; nothing else goes wrong.
  assert.deepEqual(problems.filter((p) => !/worker/i.test(p)), []);
});
