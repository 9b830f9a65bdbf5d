// `make bench` (budgets): the widget against the peer (../shared/peer, what a
// charity developer would write by hand: vanilla JS + Fuse.js), side by side
// in one run, alternating, both served gzip-compressed from their own
// processes. Prints one figure a line as `name: value unit`:
//
// Phone profile (CDP: CPU 4× slower, 1.6 Mbit/s down, 150 ms round trip,
// cache off), a host article embedding the widget, median of RUNS each:
//   phone_first_title_ms_{ours,peer}, phone_first_title_ratio   navigation → first section title visible
//   phone_oncovin_ms_{ours,peer}, phone_oncovin_ratio           navigation → typing "Oncovin" offers vincristine
//   bytes_before_title_kib_ours                                  transferred (gzip) when the title shows
//   embed_transfer_kib_{ours,peer}                               everything the embed loads, on the wire (gzip)
//   embed_{gzip,brotli}_kib_{ours,peer}                          the same files compressed by gzip -9 and brotli -q 11
//   longest_task_load_4x_ms_{ours,peer}                          longest main-thread task until the answer
//   event_open_section_ms_{ours,peer}                            Event Timing: a click that opens a section
//   event_keystroke_max_ms_{ours,peer}                           Event Timing: the slowest key typing "mercaptopurine"
// Lighthouse 12 (mobile defaults), median of LH_RUNS alternating runs per page, ours and the peer's:
//   lighthouse_{article,standalone}_{performance,tbt_ms,cls,lcp_ms}_{ours,peer}, lighthouse_{page}_lcp_ratio
//   lighthouse_standalone_{accessibility,best_practices,seo}_{ours,peer}
//
// Event Timing reports only events of 16 ms or more: 0 means none reached it.
// A benchmark, not a test: it always exits 0.
//
//   node tools/bench-budgets.mjs [dist]   env BENCH_RUNS (default 3), BENCH_LH_RUNS (default 3),
//                                         BENCH_LIGHTHOUSE=0 to skip Lighthouse
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveInChild } from './serve-child.mjs';
import { ARGS, CHROME, PHONE_VIEWPORT, launch, phoneProfile } from './browser.mjs';
import { median } from './stats.mjs';
import { LOADER_FILE } from './modules.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = process.argv[2] || join(ROOT, 'dist');
const PEER_SRC = join(ROOT, '..', 'shared', 'peer');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const LH_RUNS = Math.max(1, Number(process.env.BENCH_LH_RUNS) || 3);

/** The same charity article for both widgets, as their READMEs show it. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Living with relapsed ALL</title>
<meta name="description" content="A charity article with the treatment guide.">
<style>body { margin: 0 auto; max-width: 60rem; font: 18px/1.5 Georgia, serif; } p { margin: 1em; }
treatment-guide:not(:defined) { display: block; min-height: 100vh; }</style>
<script src="${LOADER_FILE}" defer></script></head><body><main>
<h1>Living with relapsed ALL</h1><p>Text by the charity above the guide.</p>
<treatment-guide></treatment-guide><p>Text by the charity below the guide.</p></main></body></html>`;

/** Runs in the page first: long tasks, event timings, and when the title and the answer appear. */
function instrument() {
  const b = { tasks: [], events: [], title: null, answer: null };
  Object.defineProperty(window, '__b', { value: b });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.tasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) b.events.push({ name: e.name, duration: e.duration, start: e.startTime });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName !== 'treatment-guide') return root;
    const check = () => {
      if (b.title === null) {
        const heading = root.querySelector(':is(h2, h3, h4, [role=heading])');
        if (heading && heading.textContent.trim() && heading.getClientRects().length) b.title = performance.now();
      }
      if (b.answer === null && [...root.querySelectorAll('[role=option]')].some((o) => /vincristine/i.test(o.textContent))) {
        b.answer = performance.now();
      }
    };
    new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true });
    return root;
  };
}

const settle = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200)))));

/** One first visit of `url` on the phone profile. */
async function phoneVisit(browser, url) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: PHONE_VIEWPORT, hasTouch: true });
  try {
    await ctx.addInitScript(instrument);
    const page = await ctx.newPage();
    await phoneProfile(ctx, page);
    await page.goto(url, { waitUntil: 'commit' });
    const input = page.locator('treatment-guide input[role=combobox], treatment-guide input[type=search], treatment-guide input').first();
    await input.waitFor({ timeout: 60_000 });
    await input.fill('Oncovin');
    await page.waitForFunction(() => window.__b.answer !== null && window.__b.title !== null, null, { timeout: 60_000, polling: 100 });
    await page.waitForLoadState('load');
    await settle(page);
    const load = await page.evaluate(() => {
      const b = window.__b;
      const resources = performance.getEntriesByType('resource');
      const nav = performance.getEntriesByType('navigation')[0];
      const before = resources.filter((r) => r.responseEnd <= b.title).reduce((s, r) => s + r.transferSize, nav.transferSize);
      const embed = resources.reduce((s, r) => s + r.transferSize, 0);
      const files = resources.map((r) => new URL(r.name).pathname.slice(1));
      return { title: b.title, answer: b.answer, before, embed, files, task: Math.max(0, ...b.tasks) };
    });
    // After load: open a section, then type a name key by key (Event Timing).
    await input.fill('');
    await settle(page);
    const from = await page.evaluate(() => window.__b.events.length);
    await page.locator('treatment-guide :is(h2, h3) button').nth(1).click();
    await settle(page);
    const opened = await page.evaluate((n) => window.__b.events.slice(n), from);
    const typedFrom = await page.evaluate(() => window.__b.events.length);
    await input.pressSequentially('mercaptopurine', { delay: 60 });
    await settle(page);
    const typed = await page.evaluate((n) => window.__b.events.slice(n), typedFrom);
    const max = (events, names) => Math.max(0, ...events.filter((e) => names.includes(e.name)).map((e) => e.duration));
    return {
      ...load,
      open: max(opened, ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click']),
      key: max(typed, ['keydown', 'keypress', 'keyup', 'input', 'beforeinput']),
    };
  } finally {
    await ctx.close();
  }
}

/** Lighthouse 12 on `url` in a child process (never blocks the servers); its scores and figures. */
function lighthouse(url) {
  const bin = join(ROOT, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) return Promise.resolve(null);
  return new Promise((done) => {
    const child = spawn(bin, [url, '--output=json', '--output-path=stdout', '--quiet', '--max-wait-for-load=60000',
      `--chrome-flags=--headless=new ${ARGS.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('exit', () => {
      try {
        const r = JSON.parse(out);
        const score = (c) => Math.round((r.categories[c]?.score ?? NaN) * 100);
        done({
          performance: score('performance'), accessibility: score('accessibility'),
          best_practices: score('best-practices'), seo: score('seo'),
          tbt_ms: r.audits['total-blocking-time'].numericValue,
          cls: r.audits['cumulative-layout-shift'].numericValue,
          lcp_ms: r.audits['largest-contentful-paint'].numericValue,
        });
      } catch {
        done(null);
      }
    });
  });
}

/** Sizes in bytes of `files` of `dir` (what a visit fetched) compressed by gzip -9 and brotli -q 11. */
function compressed(dir, files) {
  const sum = { gzip: 0, brotli: 0 };
  for (const file of new Set(files)) {
    let bytes;
    try {
      bytes = readFileSync(join(dir, file));
    } catch {
      continue; // a route of the test server (the article), not a file of the widget
    }
    sum.gzip += gzipSync(bytes, { level: 9 }).length;
    sum.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return sum;
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`bench-budgets: no ${DIST}/index.html; run make build first`);
    return;
  }
  const peerDist = mkdtempSync(join(tmpdir(), 'tg-peer-'));
  execFileSync('bash', [join(PEER_SRC, 'build.sh'), peerDist], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const routes = { '/article.html': { body: ARTICLE } };
  const servers = {
    ours: await serveInChild(DIST, { routes, gzip: true }),
    peer: await serveInChild(peerDist, { routes, gzip: true }),
  };
  const browser = await launch();
  const runs = { ours: [], peer: [] };
  const ms = (v) => v.toFixed(0);
  const kib = (v) => (v / 1024).toFixed(1);
  try {
    await phoneVisit(browser, `${servers.ours.url}article.html`); // warm-up, not counted
    for (let i = 0; i < RUNS; i += 1) {
      // Alternating, and each side first in turn, so machine load falls on both alike.
      for (const side of i % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
        runs[side].push(await phoneVisit(browser, `${servers[side].url}article.html`));
      }
    }
    const fig = (side, key) => median(runs[side].map((r) => r[key]));
    for (const side of ['ours', 'peer']) console.log(`phone_first_title_ms_${side}: ${ms(fig(side, 'title'))} ms`);
    console.log(`phone_first_title_ratio: ${(fig('ours', 'title') / fig('peer', 'title')).toFixed(2)} x (budget 1.00)`);
    for (const side of ['ours', 'peer']) console.log(`phone_oncovin_ms_${side}: ${ms(fig(side, 'answer'))} ms`);
    console.log(`phone_oncovin_ratio: ${(fig('ours', 'answer') / fig('peer', 'answer')).toFixed(2)} x (budget 2.00)`);
    console.log(`bytes_before_title_kib_ours: ${kib(fig('ours', 'before'))} KiB (budget 20)`);
    for (const side of ['ours', 'peer']) console.log(`embed_transfer_kib_${side}: ${kib(fig(side, 'embed'))} KiB${side === 'ours' ? ' (budget 140)' : ''}`);
    const dirs = { ours: DIST, peer: peerDist };
    for (const codec of ['gzip', 'brotli']) {
      for (const side of ['ours', 'peer']) {
        const size = compressed(dirs[side], runs[side][0].files)[codec];
        console.log(`embed_${codec}_kib_${side}: ${kib(size)} KiB${side === 'ours' && codec === 'gzip' ? ' (budget 140)' : ''}`);
      }
    }
    for (const side of ['ours', 'peer']) console.log(`longest_task_load_4x_ms_${side}: ${ms(fig(side, 'task'))} ms${side === 'ours' ? ' (budget 50)' : ''}`);
    for (const side of ['ours', 'peer']) console.log(`event_open_section_ms_${side}: ${ms(fig(side, 'open'))} ms${side === 'ours' ? ' (budget 50)' : ''}`);
    for (const side of ['ours', 'peer']) console.log(`event_keystroke_max_ms_${side}: ${ms(fig(side, 'key'))} ms${side === 'ours' ? ' (budget 40)' : ''}`);
  } finally {
    await browser.close();
  }
  if (process.env.BENCH_LIGHTHOUSE !== '0') {
    for (const [page, path] of [['article', 'article.html'], ['standalone', 'index.html']]) {
      const results = { ours: [], peer: [] };
      for (let i = 0; i < LH_RUNS; i += 1) {
        for (const side of i % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
          const r = await lighthouse(`${servers[side].url}${path}`);
          if (r) results[side].push(r);
        }
      }
      const keys = ['performance', 'tbt_ms', 'cls', 'lcp_ms', ...(page === 'standalone' ? ['accessibility', 'best_practices', 'seo'] : [])];
      const budgets = { performance: ' (budget 98)', tbt_ms: ' (budget 50)', cls: ' (budget 0)' };
      for (const side of ['ours', 'peer']) {
        if (!results[side].length) {
          console.log(`lighthouse_${page}_${side}: unavailable`);
          continue;
        }
        for (const key of keys) {
          const unit = key.endsWith('_ms') ? 'ms' : key === 'cls' ? 'score' : 'points';
          const m = median(results[side].map((r) => r[key]));
          const value = key === 'cls' ? m.toFixed(3) : Math.round(m);
          console.log(`lighthouse_${page}_${key}_${side}: ${value} ${unit}${side === 'ours' ? budgets[key] || '' : ''}`);
        }
      }
      if (results.ours.length && results.peer.length) {
        const lcp = (side) => median(results[side].map((r) => r.lcp_ms));
        console.log(`lighthouse_${page}_lcp_ratio: ${(lcp('ours') / lcp('peer')).toFixed(2)} x (budget 1.25)`);
      }
    }
  }
  await servers.ours.close();
  await servers.peer.close();
}

try {
  await main();
} catch (error) {
  console.error(`bench-budgets: ${error.stack || error}`);
}
process.exit(0);
