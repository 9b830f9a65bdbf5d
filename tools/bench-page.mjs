// `make bench` (browser part): start-up and responsiveness of the standalone
// page, measured in headless Chromium. Prints one figure a line as
// `name: value unit`:
//
//   start_render_median_ms    navigation start → the first section header button
//   start_render_p95_ms       exists in the shadow root of <treatment-guide>
//                             (nearest-rank p95), over LOADS fresh first visits
//   longest_task_startup_ms   longest main-thread task up to start render plus
//                             the settling after it (median over the loads)
//   longest_task_typing_ms    longest task while typing "mercaptopurine" key by
//                             key into the drug lookup (median of TYPING runs)
//   cls_widget                cumulative layout shift (standard definition:
//                             largest session window, shifts right after input
//                             excluded) over load and opening a section; worst load
//   cls_embed_article         the same for the embed in an article with host text
//                             below it (deferred loader and the README's CSS rule),
//                             at phone and desktop sizes; worst of ARTICLE_LOADS
//
// The static server runs in a process of its own, so that the work of driving
// the browser never delays its answers. Tasks come from the Long Tasks API, which only reports tasks of 50 ms or
// more: 0 means no task reached 50 ms. Each load uses a new browser context
// (cold HTTP cache, no compiled-code cache) with service workers blocked, so
// every figure is a first visit. A benchmark, not a test: it always exits 0.
//
//   node tools/bench-page.mjs [dist]   env BENCH_LOADS (default 15, at least 10),
//                                      BENCH_VERBOSE=1 (each load on stderr)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveInChild } from './serve-child.mjs';
import { launch } from './browser.mjs';
import { median, percentile } from './stats.mjs';
import { LOADER_FILE } from './modules.mjs';

const DIR = process.argv[2] || fileURLToPath(new URL('../dist/', import.meta.url));
const LOADS = Math.max(10, Number(process.env.BENCH_LOADS) || 15);
/** Past this time, stop after the tenth load (keeps `make bench` short on a busy machine). */
const BUDGET_MS = 32_000;
const TYPING = 3;
const ARTICLE_LOADS = 3;
/** A charity article embedding the widget as the README shows, with text after it. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>
<style>body { margin: 0 auto; max-width: 60rem; font: 18px/1.5 Georgia, serif; } p { margin: 1em; }
treatment-guide:not(:defined) { display: block; min-height: 100vh; }</style>
<script src="${LOADER_FILE}" defer></script></head><body>
<h1>Living with relapsed ALL</h1><p>Text by the charity above the guide.</p>
<treatment-guide></treatment-guide><p>Text by the charity below the guide.</p></body></html>`;
const QUERY = 'mercaptopurine';

/** Runs in the page before any of its scripts: records long tasks, layout shifts and the start render. */
function instrument() {
  const bench = { tasks: [], shifts: [], render: null };
  Object.defineProperty(window, '__tgBench', { value: bench });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no Long Tasks API: no tasks reported */ }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.shifts.push({ start: e.startTime, value: e.value, input: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  // The first section header: a button with aria-expanded inside a heading, in the element's shadow root.
  const HEADER = ':is(h1, h2, h3, h4, h5, h6, [role=heading]) button[aria-expanded]';
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'treatment-guide') {
      const observer = new MutationObserver(() => {
        if (bench.render === null && root.querySelector(HEADER)) bench.render = performance.now();
        if (bench.render !== null) observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
}

/** Two frames and a short pause, so tasks and shifts caused by the last step are reported. */
const settle = (page) => page.evaluate(() => new Promise((done) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));
}));

const longest = (tasks) => tasks.reduce((max, t) => Math.max(max, t.duration), 0);

/** CLS: the largest sum of shifts (without recent input) in a session window (gaps < 1 s, at most 5 s). */
function cls(shifts) {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.input).sort((a, b) => a.start - b.start)) {
    if (s.start - last < 1000 && s.start - first < 5000) {
      sum += s.value;
    } else {
      sum = s.value;
      first = s.start;
    }
    last = s.start;
    best = Math.max(best, sum);
  }
  return best;
}

/** One fresh first visit; with `typing`, also types the query into the lookup. */
async function visit(browser, url, typing, viewport = { width: 1280, height: 900 }) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport });
  try {
    await ctx.addInitScript(instrument);
    const page = await ctx.newPage();
    await page.goto(url);
    // Polled rarely: the time itself is taken in the page, and polling on every frame would load the page.
    await page.waitForFunction(() => window.__tgBench.render !== null, null, { timeout: 15_000, polling: 100 });
    await page.waitForLoadState('load');
    await settle(page);
    const startup = await page.evaluate(() => ({ render: window.__tgBench.render, tasks: [...window.__tgBench.tasks] }));

    // Open a section, as a reader would.
    await page.locator('treatment-guide :is(h1, h2, h3, h4, h5, h6, [role=heading]) button[aria-expanded]').nth(1).click();
    await settle(page);
    const shifts = await page.evaluate(() => window.__tgBench.shifts);

    let typed = null;
    if (typing) {
      const input = page.locator('treatment-guide input[role=combobox]');
      await input.click();
      await settle(page);
      const from = await page.evaluate(() => window.__tgBench.tasks.length);
      await input.pressSequentially(QUERY, { delay: 30 });
      await page.locator('treatment-guide [role=option]').first().waitFor({ timeout: 5_000 });
      await settle(page);
      typed = await page.evaluate((n) => window.__tgBench.tasks.slice(n), from);
    }
    return { render: startup.render, startupTask: longest(startup.tasks), cls: cls(shifts), typingTask: typed && longest(typed) };
  } finally {
    await ctx.close();
  }
}

async function main() {
  if (!existsSync(`${DIR}/index.html`)) {
    console.error(`bench-page: no ${DIR}/index.html; run make build first`);
    return;
  }
  const server = await serveInChild(DIR, { routes: { '/bench-article.html': { body: ARTICLE } } });
  let browser;
  try {
    browser = await launch();
    const started = Date.now();
    await visit(browser, server.url, false); // warm-up: starts the browser's own processes; not counted
    const runs = [];
    for (let i = 0; i < LOADS && (i < 10 || Date.now() - started < BUDGET_MS); i += 1) {
      const run = await visit(browser, server.url, i < TYPING);
      if (process.env.BENCH_VERBOSE) console.error(`load ${i + 1}: ${JSON.stringify(run)} at ${Date.now() - started} ms`);
      runs.push(run);
    }
    const article = [];
    for (let i = 0; i < ARTICLE_LOADS; i += 1) {
      for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 900 }]) {
        article.push(await visit(browser, new URL('bench-article.html', server.url).href, false, viewport));
      }
    }
    const renders = runs.map((r) => r.render);
    const ms = (v) => v.toFixed(1);
    console.log(`start_render_median_ms: ${ms(median(renders))} ms`);
    console.log(`start_render_p95_ms: ${ms(percentile(renders, 95))} ms`);
    console.log(`longest_task_startup_ms: ${ms(median(runs.map((r) => r.startupTask)))} ms`);
    console.log(`longest_task_typing_ms: ${ms(median(runs.filter((r) => r.typingTask !== null).map((r) => r.typingTask)))} ms`);
    console.log(`cls_widget: ${Math.max(...runs.map((r) => r.cls)).toFixed(4)} score`);
    console.log(`cls_embed_article: ${Math.max(...article.map((r) => r.cls)).toFixed(4)} score`);
  } finally {
    await browser?.close();
    await server.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench-page: ${error.stack || error}`);
}
process.exit(0);
