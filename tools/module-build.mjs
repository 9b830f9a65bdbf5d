// The WebAssembly modules of their own beside the widget's main wasm, given
// their files in Trunk's post-build step (tools/post-build.mjs). Trunk builds
// them (tools/modules.mjs, MODULES) and leaves `<crate>.js` and
// `<crate>_bg.wasm` in its staging folder; these steps take those files and
// write the ones dist/ serves. The main wasm carries neither module.
//
// - The checker (crates/checker), for check.html only: written as
//   `check-engine-<hash>.js`: the glue (`--target no-modules`, a classic
//   script, global `wasm_bindgen`) followed by the module's bytes in base64
//   (global `TG_CHECKER_WASM`). One classic script and no fetch, so
//   check.html also works opened from disk (file://), where browsers refuse
//   module scripts and fetch(). Points the `__TG_CHECKER__` placeholder of
//   check.html at it.
// - The content reader (crates/reader), which the loader imports only for a
//   widget with a content file (content-src or setContent): written as
//   `content-reader-<hash>.js` (the glue, `--target web`, minified by terser)
//   and `content-reader-<hash>.wasm`. The loader's step finds them in the
//   folder (readerFiles) and names them, so this step runs before it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minified } from './minify.mjs';
import { MODULES, trunkFiles } from './modules.mjs';

/** The placeholder in check.html for the engine's file name. */
export const PLACEHOLDER = '__TG_CHECKER__';
/** The checker engine's file name: `check-engine-<16 hex>.js` (content-hashed, cached for good). */
export const ENGINE = MODULES.checker.files.engine;
/** The content reader's glue: `content-reader-<16 hex>.js` (content-hashed). */
export const READER_GLUE = MODULES.reader.files.glue;
/** The content reader's wasm: `content-reader-<16 hex>.wasm` (content-hashed). */
export const READER_WASM = MODULES.reader.files.wasm;
const isReader = (file) => READER_GLUE.test(file) || READER_WASM.test(file);

/** The first 16 hex digits of the SHA-256 of `data`. */
const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * Trunk's output for `module` (a key of MODULES) in `dir`, taken out of the
 * folder: `{ glue, wasm, name }`, the glue's text, the optimised bytes, and
 * the file name the glue gives the wasm.
 */
export function takeBuilt(dir, module) {
  const { glue, wasm } = trunkFiles(module);
  let built;
  try {
    built = { glue: readFileSync(join(dir, glue), 'utf8'), wasm: readFileSync(join(dir, wasm)), name: wasm };
  } catch (error) {
    throw new Error(`module-build: no ${glue} and ${wasm} from Trunk in ${dir} (${error.code || error.message}); is the ${module} module's link in index.html?`);
  }
  rmSync(join(dir, glue));
  rmSync(join(dir, wasm));
  return built;
}

/** The checker's engine script: the glue, then the module's bytes. */
export function engineScript({ glue, wasm }) {
  return `/*! treatment-guide content checker (crates/checker), for check.html only. */\n${glue}\n`
    + `var TG_CHECKER_WASM = ${JSON.stringify(wasm.toString('base64'))};\n`;
}

/** Points `file` in `dir` at `name`, in place of its placeholder. */
function point(dir, file, placeholder, name) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(placeholder)) throw new Error(`module-build: ${file} in ${dir} has no ${placeholder}`);
  writeFileSync(path, text.replaceAll(placeholder, name));
}

/**
 * Writes the checker's engine into `dir` (replacing an older one) and names
 * it in check.html, which Trunk copied with its placeholder. Returns its file name.
 */
export function writeChecker(dir, built = takeBuilt(dir, 'checker')) {
  for (const old of readdirSync(dir).filter((f) => ENGINE.test(f))) rmSync(join(dir, old));
  const script = engineScript(built);
  const name = `check-engine-${hash(script)}.js`;
  writeFileSync(join(dir, name), script);
  point(dir, 'check.html', PLACEHOLDER, name);
  return name;
}

/**
 * Writes the content reader into `dir` (replacing an older one): the wasm
 * under its hash, and the glue, pointed at that name and minified, under
 * its own. Returns their names: { glue, wasm }.
 */
export async function writeReader(dir, built = takeBuilt(dir, 'reader')) {
  if (!built.glue.includes(`'${built.name}'`)) throw new Error(`module-build: the reader's glue does not name ${built.name}`);
  for (const old of readdirSync(dir).filter(isReader)) rmSync(join(dir, old));
  const wasm = `content-reader-${hash(built.wasm)}.wasm`;
  const code = await minified(built.glue.replace(`'${built.name}'`, `'${wasm}'`), true);
  const glue = `content-reader-${hash(code)}.js`;
  writeFileSync(join(dir, wasm), built.wasm);
  writeFileSync(join(dir, glue), code);
  return { glue, wasm };
}

/** The content reader's files in a built folder: { glue, wasm } (one of each). */
export function readerFiles(dir) {
  const files = readdirSync(dir).filter(isReader);
  const glue = files.filter((f) => READER_GLUE.test(f));
  const wasm = files.filter((f) => READER_WASM.test(f));
  if (glue.length !== 1 || wasm.length !== 1) {
    throw new Error(`module-build: expected one content reader (content-reader-<hash>.js and .wasm) in ${dir}, found: ${files.join(', ') || 'none'}`);
  }
  return { glue: glue[0], wasm: wasm[0] };
}
