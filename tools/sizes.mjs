// Prints the gzip-compressed size of what a browser transfers for the embed,
// one figure a line as `name: value unit`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const files = readdirSync(dir);
const gz = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const kib = (bytes) => (bytes / 1024).toFixed(1);
const pick = (test) => files.filter(test);

const wasm = pick((f) => f.endsWith('.wasm'));
const glue = pick((f) => /^treatment-guide-[0-9a-f]+\.js$/.test(f));
const loader = ['treatment-guide.js'];
// The standalone page's stylesheet (the checker's check.css is not part of it).
const css = pick((f) => /^page-[0-9a-f]+\.css$/.test(f));
const sum = (list) => list.reduce((n, f) => n + gz(f), 0);
// The widget CSS travels minified inside the loader; this is its source, for scale.
const widgetCss = gzipSync(readFileSync(new URL('../styles/widget.css', import.meta.url)), { level: 9 }).length;

console.log(`size_wasm_gzip: ${kib(sum(wasm))} KiB`);
console.log(`size_js_glue_gzip: ${kib(sum(glue))} KiB`);
console.log(`size_js_loader_gzip: ${kib(sum(loader))} KiB`);
console.log(`size_widget_css_source_gzip: ${kib(widgetCss)} KiB`);
console.log(`size_page_css_gzip: ${kib(sum(css))} KiB`);
console.log(`size_embed_total_gzip: ${kib(sum(wasm) + sum(glue) + sum(loader))} KiB`);
