// The WebAssembly modules of their own beside the widget's main wasm, built
// in Trunk's post-build step (tools/post-build.mjs), or by hand on a built folder:
//
//   node tools/module-build.mjs <dir>
//
// Each is a crate of the workspace, built for wasm32 with the release profile
// (both in one cargo run), then through the wasm-bindgen CLI and wasm-opt
// (-Oz) when it is on PATH. The main wasm carries neither.
//
// - The checker (crates/checker), for check.html only: `--target no-modules`
//   (a classic script, global `wasm_bindgen`), written as
//   `check-engine-<hash>.js`: the glue followed by the module's bytes in
//   base64 (global `TG_CHECKER_WASM`). One classic script and no fetch, so
//   check.html also works opened from disk (file://), where browsers refuse
//   module scripts and fetch(). Points the `__TG_CHECKER__` placeholder of
//   check.html at it.
// - The content reader (crates/reader), which the loader imports only for a
//   widget with a content file (content-src or setContent): `--target web`
//   (an ES module, so the embed adds no global), written as
//   `content-reader-<hash>.js` (the glue, minified by terser) and
//   `content-reader-<hash>.wasm`. The loader finds them in the folder
//   (readerFiles) and names them; on a folder built before, its loader is
//   pointed at the new ones (then run `post-build.mjs --precache-only`).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minified } from './minify.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET = 'wasm32-unknown-unknown';
/**
 * Each module: its crate's package name, its wasm file's stem, the
 * wasm-bindgen target, and wasm-opt's options. The reader's are the main
 * wasm's (`data-wasm-opt-params` in index.html; docs/TOOLCHAIN.md): 2.7 KiB
 * less gzip than plain -Oz.
 */
export const MODULES = {
  checker: { crate: 'tg-checker', stem: 'tg_checker', target: 'no-modules', opt: ['-Oz'] },
  reader: { crate: 'tg-reader', stem: 'tg_reader', target: 'web', opt: ['-Oz', '--converge', '-ocimfs', '0'] },
};
/** The placeholder in check.html for the engine's file name. */
export const PLACEHOLDER = '__TG_CHECKER__';
/** The checker engine's file name: `check-engine-<16 hex>.js` (content-hashed, cached for good). */
export const ENGINE = /^check-engine-[0-9a-f]{16}\.js$/;
/** The content reader's glue: `content-reader-<16 hex>.js` (content-hashed). */
export const READER_GLUE = /^content-reader-[0-9a-f]{16}\.js$/;
/** The content reader's wasm: `content-reader-<16 hex>.wasm` (content-hashed). */
export const READER_WASM = /^content-reader-[0-9a-f]{16}\.wasm$/;
const isReader = (file) => READER_GLUE.test(file) || READER_WASM.test(file);

/** Where cargo puts build output (CARGO_TARGET_DIR, else target/ of the workspace). */
function targetDir() {
  return process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
}

/** Runs a tool; stdout goes to ours only on failure. */
function run(tool, args) {
  execFileSync(tool, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Whether `tool` answers `--version` (it is on PATH). */
function has(tool) {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The first 16 hex digits of the SHA-256 of `data`. */
const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * Builds the modules named (keys of MODULES) in one cargo run. Returns, for
 * each, `{ glue, wasm, name }`: the glue's text, the optimised bytes, and the
 * file name the glue gives the wasm (`<name>_bg.wasm`).
 */
export function buildModules(names = Object.keys(MODULES)) {
  run('cargo', ['build', '--quiet', '--release', '--target', TARGET, ...names.flatMap((n) => ['-p', MODULES[n].crate])]);
  const out = mkdtempSync(join(tmpdir(), 'tg-modules-'));
  try {
    return Object.fromEntries(names.map((name) => {
      const { stem, target, opt } = MODULES[name];
      const input = join(targetDir(), TARGET, 'release', `${stem}.wasm`);
      run('wasm-bindgen', ['--target', target, '--no-typescript', '--out-dir', out, '--out-name', name, input]);
      const wasm = join(out, `${name}_bg.wasm`);
      if (has('wasm-opt')) run('wasm-opt', [...opt, '-o', wasm, wasm]);
      return [name, { glue: readFileSync(join(out, `${name}.js`), 'utf8'), wasm: readFileSync(wasm), name: `${name}_bg.wasm` }];
    }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The checker's engine script: the glue, then the module's bytes. */
export function engineScript({ glue, wasm }) {
  return `/*! treatment-guide content checker (crates/checker), for check.html only. */\n${glue}\n`
    + `var TG_CHECKER_WASM = ${JSON.stringify(wasm.toString('base64'))};\n`;
}

/** Points `file` in `dir` at `name`: its placeholder, or the file an earlier run named (`earlier`, a pattern). */
function point(dir, file, placeholder, earlier, name) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const slot = new RegExp(`${placeholder}|${earlier.source.slice(1, -1)}`, 'g');
  if (!slot.test(text)) throw new Error(`module-build: ${file} in ${dir} has no ${placeholder}`);
  writeFileSync(path, text.replace(slot, name));
}

/**
 * Writes the checker's engine into `dir` (replacing an older one) and names
 * it in check.html (again on a folder already done). Returns its file name.
 */
export function writeChecker(dir, built = buildModules(['checker']).checker) {
  for (const old of readdirSync(dir).filter((f) => ENGINE.test(f))) rmSync(join(dir, old));
  const script = engineScript(built);
  const name = `check-engine-${hash(script)}.js`;
  writeFileSync(join(dir, name), script);
  point(dir, 'check.html', PLACEHOLDER, ENGINE, name);
  return name;
}

/**
 * Writes the content reader into `dir` (replacing an older one): the wasm
 * under its hash, and the glue, pointed at that name and minified, under
 * its own. Returns their names: { glue, wasm }.
 */
export async function writeReader(dir, built = buildModules(['reader']).reader) {
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('module-build: give the built folder');
  const built = buildModules();
  console.log(`module-build: ${writeChecker(dir, built.checker)}`);
  const reader = await writeReader(dir, built.reader);
  if (existsSync(join(dir, 'treatment-guide.js'))) {
    point(dir, 'treatment-guide.js', '__TG_READER__', READER_GLUE, reader.glue);
    point(dir, 'treatment-guide.js', '__TG_READER_WASM__', READER_WASM, reader.wasm);
  }
  console.log(`module-build: ${reader.glue}, ${reader.wasm}`);
}
