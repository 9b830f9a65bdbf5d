// Prints what a browser transfers for the embed, compressed as hosts and CDNs
// serve it (gzip -9; brotli -q 11, which jsDelivr and unpkg use), one figure
// a line as `name: value unit`. The totals are a default English widget
// (loader, glue, wasm, and the warm-up worker Chromium loads) and a French one (the same plus its language file),
// against the budgets of issue 19, and an English widget with a content file
// (content-src or setContent), which also loads the content reader (its
// glue and wasm, `size_reader_*`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LOADER_FILE, MODULES } from './modules.mjs';
import { LISTEN_FILE, WARM_FILE } from './side-modules.mjs';
import { CONTRAST_FILE } from './post-build.mjs';

/** Transfer budgets, gzip, KiB. */
const BUDGET_EN_KIB = 140;
const BUDGET_FR_KIB = 150;

const dir = process.argv[2] || 'dist';
const files = readdirSync(dir);
const read = (file) => readFileSync(join(dir, file));
const CODECS = {
  gzip: (bytes) => gzipSync(bytes, { level: 9 }).length,
  brotli: (bytes) => brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
};
const kib = (bytes) => (bytes / 1024).toFixed(1);
const pick = (test) => files.filter(test);

const parts = {
  wasm: pick((f) => MODULES.main.files.wasm.test(f)),
  js_glue: pick((f) => MODULES.main.files.glue.test(f)),
  js_loader: [LOADER_FILE],
  // The warm-up worker, which Chromium loads beside the code (src/loader/warm.js): in the totals.
  warm: pick((f) => WARM_FILE.test(f)),
  lang_fr: pick((f) => /^treatment-guide-fr-[0-9a-f]+\.json$/.test(f)),
  // Loaded only by a widget with a content file (tools/module-build.mjs).
  reader: pick((f) => MODULES.reader.files.glue.test(f) || MODULES.reader.files.wasm.test(f)),
  // Loaded when the page is idle after a Listen control first appears (tools/side-modules.mjs).
  listen: pick((f) => LISTEN_FILE.test(f)),
  // Loaded only for web staff: an element with debug, or a page that sets the widget's colours (src/loader/lint.js).
  contrast: pick((f) => CONTRAST_FILE.test(f)),
  // The standalone page's stylesheet (the checker's check.css is not part of it).
  page_css: pick((f) => /^page-[0-9a-f]+\.css$/.test(f)),
};
const sizes = Object.fromEntries(Object.entries(CODECS).map(([codec, size]) => [codec,
  Object.fromEntries(Object.entries(parts).map(([name, list]) => [name, list.reduce((n, f) => n + size(read(f)), 0)]))]));

for (const [codec, of] of Object.entries(sizes)) {
  for (const name of Object.keys(parts)) console.log(`size_${name}_${codec}: ${kib(of[name])} KiB`);
}
for (const [codec, of] of Object.entries(sizes)) {
  const en = of.wasm + of.js_glue + of.js_loader + of.warm;
  const fr = en + of.lang_fr;
  const budget = (kibs) => (codec === 'gzip' ? ` (budget ${kibs})` : '');
  console.log(`size_embed_total_${codec}: ${kib(en)} KiB${budget(BUDGET_EN_KIB)}`);
  console.log(`size_embed_total_fr_${codec}: ${kib(fr)} KiB${budget(BUDGET_FR_KIB)}`);
  console.log(`size_embed_total_content_src_${codec}: ${kib(en + of.reader)} KiB`);
}
