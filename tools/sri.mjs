// Prints the Subresource Integrity hash of the embed loader, for host pages
// that pin it: <script src=".../treatment-guide.js" integrity="sha384-…"
// crossorigin="anonymous" defer></script>
//   node tools/sri.mjs [dist]   →   sri_treatment_guide_js: sha384-<base64>
// This pins the loader only: it names this build's glue, wasm and content
// reader by their content-hashed file names, but the browser does not check
// those files' bytes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOADER_FILE } from './modules.mjs';

/** The `integrity` value (sha384, base64) of the bytes of `file`. */
export function sri(file) {
  return `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const file = join(dir, LOADER_FILE);
  try {
    console.log(`sri_treatment_guide_js: ${sri(file)}`);
  } catch (error) {
    console.error(`sri: cannot read ${file} (${error.code || error.message}); run make build first`);
    process.exit(1);
  }
}
