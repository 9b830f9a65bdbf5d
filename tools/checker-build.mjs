// The content checker's own WebAssembly module (crates/checker), built in
// Trunk's post-build step (tools/post-build.mjs), or by hand on a built folder:
//
//   node tools/checker-build.mjs <dir>
//
// Builds the crate for wasm32 with the release profile, runs the wasm-bindgen
// CLI (`--target no-modules`: a classic script, global `wasm_bindgen`) and
// wasm-opt when it is on PATH, and writes `check-engine-<hash>.js`: the glue
// followed by the module's bytes in base64 (global `TG_CHECKER_WASM`). One
// classic script and no fetch, so check.html also works opened from disk
// (file://), where browsers refuse module scripts and fetch(). Points the
// `__TG_CHECKER__` placeholder of check.html at it. The main wasm never
// carries the checker.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The checker crate's package name and its wasm file's stem. */
const CRATE = 'tg-checker';
const STEM = 'tg_checker';
const TARGET = 'wasm32-unknown-unknown';
/** The placeholder in check.html for the engine's file name. */
export const PLACEHOLDER = '__TG_CHECKER__';
/** The engine's file name: `check-engine-<16 hex>.js` (content-hashed, cached for good). */
export const ENGINE = /^check-engine-[0-9a-f]{16}\.js$/;

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

/** Builds the module: returns `{ glue, wasm }` (the glue's text and the optimised bytes). */
export function buildChecker() {
  run('cargo', ['build', '--quiet', '--release', '--target', TARGET, '-p', CRATE]);
  const input = join(targetDir(), TARGET, 'release', `${STEM}.wasm`);
  const out = mkdtempSync(join(tmpdir(), 'tg-checker-'));
  try {
    run('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-dir', out, '--out-name', 'check', input]);
    const wasm = join(out, 'check_bg.wasm');
    if (has('wasm-opt')) run('wasm-opt', ['-Oz', '-o', wasm, wasm]);
    return { glue: readFileSync(join(out, 'check.js'), 'utf8'), wasm: readFileSync(wasm) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The engine script: the glue, then the module's bytes. */
export function engineScript({ glue, wasm }) {
  return `/*! treatment-guide content checker (crates/checker), for check.html only. */\n${glue}\n`
    + `var TG_CHECKER_WASM = ${JSON.stringify(wasm.toString('base64'))};\n`;
}

/**
 * Writes the engine into `dir` (replacing an older one) and names it in
 * check.html (again on a folder already done). Returns its file name.
 */
export function writeChecker(dir, built = buildChecker()) {
  for (const old of readdirSync(dir).filter((f) => ENGINE.test(f))) rmSync(join(dir, old));
  const script = engineScript(built);
  const name = `check-engine-${createHash('sha256').update(script).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), script);
  const page = join(dir, 'check.html');
  const html = readFileSync(page, 'utf8');
  // The placeholder, or the engine of an earlier run on the same folder.
  const slot = new RegExp(`${PLACEHOLDER}|check-engine-[0-9a-f]{16}\\.js`, 'g');
  if (!slot.test(html)) throw new Error(`checker-build: check.html in ${dir} has no ${PLACEHOLDER}`);
  writeFileSync(page, html.replace(slot, name));
  return name;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('checker-build: give the built folder');
  console.log(`checker-build: ${writeChecker(dir)}`);
}
