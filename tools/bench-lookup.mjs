// Browser benchmark of the lookup engine beside Fuse.js 7, on the same
// synthetic dictionaries and queries, in headless Chromium. Prints one
// figure per line as `name: value unit`. Run by `make bench`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { startServer } from './static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}target/bench-web/`;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

run('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '--example', 'lookup_bench_web']);
mkdirSync(out, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'bench',
  `${root}target/wasm32-unknown-unknown/release/examples/lookup_bench_web.wasm`]);
copyFileSync(`${root}node_modules/fuse.js/dist/fuse.mjs`, `${out}fuse.mjs`);

const page = `<!doctype html><meta charset="utf-8"><title>lookup bench</title>`;
const server = await startServer({ root: out, routes: { '/index.html': { body: page } } });
// Heap figures need precise memory info and a gc() to call.
const browser = await launch(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
try {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}index.html`);
  const sizes = [['1k', 1000], ['10k', 10000], ['100k', 100000]];
  for (const [label, n] of sizes) {
    const figures = await tab.evaluate(async ({ n }) => {
      const glue = await import('./bench.js');
      await glue.default({ module_or_path: './bench_bg.wasm' });
      const { default: Fuse } = await import('./fuse.mjs');
      const percentile = (times, p) => {
        const sorted = [...times].sort((a, b) => a - b);
        return sorted[Math.max(0, Math.ceil((sorted.length * p) / 100) - 1)];
      };
      const heap = () => { window.gc(); return performance.memory.usedJSHeapSize; };
      const bench = new glue.Bench(n);
      const names = bench.names();
      const result = {};

      const before = performance.now();
      bench.build();
      result.wasm_build = performance.now() - before;
      result.wasm_bytes = bench.heap_bytes();

      const heap0 = heap();
      const t0 = performance.now();
      const fuse = new Fuse(names, { includeScore: true, threshold: 0.4, ignoreLocation: true });
      result.fuse_build = performance.now() - t0;
      result.fuse_bytes = heap() - heap0;

      // Fuse.js scans every name per query, so it gets fewer queries on large dictionaries.
      const fuseCount = n >= 100000 ? 40 : 200;
      for (const kind of ['exact', 'prefix', 'typo']) {
        const queries = bench.queries(kind, 500);
        // The browser's clock is coarse (0.1 ms), so each engine query is timed over repeats.
        const reps = 200;
        const wasmTimes = queries.map((q) => {
          const s = performance.now();
          for (let i = 0; i < reps; i += 1) bench.search(q);
          return (performance.now() - s) / reps;
        });
        const fuseTimes = queries.slice(0, fuseCount).map((q) => { const s = performance.now(); fuse.search(q, { limit: 10 }); return performance.now() - s; });
        result[`wasm_${kind}_p50`] = percentile(wasmTimes, 50);
        result[`wasm_${kind}_p95`] = percentile(wasmTimes, 95);
        result[`fuse_${kind}_p50`] = percentile(fuseTimes, 50);
        result[`fuse_${kind}_p95`] = percentile(fuseTimes, 95);
      }
      bench.free();
      return result;
    }, { n });
    const us = (v) => (v * 1000).toFixed(1);
    console.log(`browser_wasm_build_${label}: ${figures.wasm_build.toFixed(1)} ms`);
    console.log(`browser_fuse_build_${label}: ${figures.fuse_build.toFixed(1)} ms`);
    console.log(`browser_wasm_index_bytes_${label}: ${figures.wasm_bytes} bytes`);
    console.log(`browser_fuse_heap_bytes_${label}: ${figures.fuse_bytes} bytes`);
    for (const kind of ['exact', 'prefix', 'typo']) {
      for (const p of ['p50', 'p95']) {
        const wasm = figures[`wasm_${kind}_${p}`];
        const fuse = figures[`fuse_${kind}_${p}`];
        console.log(`browser_wasm_${kind}_${p}_${label}: ${us(wasm)} us`);
        console.log(`browser_fuse_${kind}_${p}_${label}: ${us(fuse)} us`);
        console.log(`browser_fuse_over_wasm_${kind}_${p}_${label}: ${(fuse / Math.max(wasm, 0.0005)).toFixed(0)} x`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
