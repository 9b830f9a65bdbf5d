// Trunk's post-build hook (env TRUNK_STAGING_DIR), or by hand:
//
//   node tools/post-build.mjs <dir>                  every step of STEPS, in
//                                                    order, on Trunk's staging folder
//   node tools/post-build.mjs --precache-only <dir>  the precache step only, on a
//                                                    built folder (its loader is kept)
//
// Trunk has built every WebAssembly module (tools/modules.mjs) and copied the
// page's files into the folder. STEPS below lists what happens next, each
// step with what it reads and what it writes; docs/ARCHITECTURE.md describes
// them. A step reads only what Trunk or an earlier step wrote.
// The loader step bundles src/loader/ (ES modules) into treatment-guide.js
// with esbuild, and writes the contrast lint beside it (contrast-<hash>.js).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Features, transform } from 'lightningcss';
import { minified } from './minify.mjs';
import { version as cargoVersion } from './version.mjs';
import { readerFiles, writeChecker, writeReader } from './module-build.mjs';
import { hashedFile, listenFile, warmFile, writeHashed, writeListen, writeWarm } from './side-modules.mjs';
import { HASHED, LOADER_FILE as LOADER, MODULES } from './modules.mjs';

/** Written by the precache step, so never listed. */
const GENERATED = new Set(['sw.js', 'precache.json']);

/** The widget's stylesheet, adopted into each element's shadow root by the loader. */
export const STYLES = fileURLToPath(new URL('../styles/widget.css', import.meta.url));
/**
 * The oldest browsers that can show the widget at all (constructable
 * stylesheets adopted into a shadow root): lightningcss rewrites nothing
 * they understand as written, so the minified sheet keeps every rule.
 * Colours are left as written: the sheet picks each scheme's colours with
 * `light-dark()` and `color-mix()` behind its own fallbacks, which
 * lightningcss would otherwise rewrite into variables of its own.
 */
const CSS_TARGETS = { chrome: 73 << 16, firefox: 101 << 16, safari: (16 << 16) | (4 << 8) };
/** The rewrites left out for CSS_TARGETS (see above). */
const CSS_KEPT = Features.Colors | Features.LightDark;

/** `file` (styles/widget.css) minified by lightningcss for CSS_TARGETS; a syntax error throws, with its line. */
export function widgetCss(file = STYLES) {
  try {
    return transform({ filename: file, code: readFileSync(file), minify: true, targets: CSS_TARGETS, exclude: CSS_KEPT }).code.toString();
  } catch (error) {
    if (!error.loc) throw error;
    throw new Error(`post-build: ${file}:${error.loc.line}:${error.loc.column}: ${error.message}`);
  }
}

/**
 * The environment without what selects the wasm build's own toolchain
 * (`make build`: a pinned nightly, std rebuilt; docs/TOOLCHAIN.md), so the
 * native prerender step builds on the project's stable toolchain.
 */
function nativeEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === 'RUSTUP_TOOLCHAIN' || name.startsWith('CARGO_UNSTABLE_')) delete env[name];
  }
  return env;
}

/**
 * The guide prerendered by the widget's own components (src/bin/prerender.rs,
 * natively): `guide.json` (interactive, in parts), `fallback.html` (plain) and the other
 * languages' files, with the minified styles.
 */
export function prerender() {
  const out = mkdtempSync(join(tmpdir(), 'tg-prerender-'));
  try {
    execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', out], { stdio: ['ignore', 'inherit', 'inherit'], env: nativeEnv() });
    const read = (name) => readFileSync(join(out, name), 'utf8');
    const langs = Object.fromEntries(readdirSync(out)
      .map((name) => name.match(/^lang-([a-z]+)\.json$/)?.[1]).filter(Boolean)
      .map((lang) => [lang, { bundle: read(`lang-${lang}.json`), fallback: read(`fallback-${lang}.html`) }]));
    return {
      guide: JSON.parse(read('guide.json')), fallback: read('fallback.html'), css: widgetCss(), langs,
      manifest: JSON.parse(read('manifest.json')), api: Object.fromEntries(API_FILES.map((name) => [name, read(name)])),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The element's public face, written by the prerender step from the widget's tables; shipped as they are. */
const API_FILES = ['custom-elements.json', 'treatment-guide.d.ts'];

/** Where the prerendered guide goes in the standalone page: inside its element, for readers without script. */
const PAGE_SLOT = /(<treatment-guide[^>]*>)[\s\S]*?(<\/treatment-guide>)/;

/** The fallback step: dist/fallback.html (a snippet hosts may paste) and the standalone page's guide in its HTML. */
export function writeFallback(dir, fallback) {
  writeFileSync(join(dir, 'fallback.html'), `${fallback}\n`);
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  if (!PAGE_SLOT.test(html)) throw new Error(`post-build: index.html in ${dir} has no <treatment-guide> element`);
  // In <noscript>: readers with script see the widget at once, with no switch from one to the other.
  writeFileSync(page, html.replace(PAGE_SLOT, (_, open, close) => `${open}<noscript>${fallback}</noscript>${close}`));
}

/** A language's file: `treatment-guide-<lang>-<16 hex of its content's hash>.json`. */
const LANGUAGE_FILE = /^treatment-guide-([a-z]+)-[0-9a-f]{16}\.json$/;

/** The language files of a built folder, as writeLanguages named them: { fr: '…-fr-<hash>.json' }. */
export function languageFiles(dir) {
  return Object.fromEntries(readdirSync(dir).map((f) => [f.match(LANGUAGE_FILE)?.[1], f]).filter(([lang]) => lang));
}

/** The widget's WebAssembly and its wasm-bindgen glue in `dir` (Trunk hashes both names; MODULES.main): { glue, wasm }. */
export function wasmFiles(dir) {
  const files = readdirSync(dir);
  const { glue: isGlue, wasm: isWasm } = MODULES.main.files;
  const wasm = files.filter((f) => isWasm.test(f));
  if (wasm.length !== 1) throw new Error(`post-build: expected one ${isWasm.source} in ${dir}, found: ${wasm.join(', ') || 'none'}`);
  const glue = wasm[0].replace(/_bg\.wasm$/, '.js');
  if (!isGlue.test(glue) || !files.includes(glue)) throw new Error(`post-build: no wasm-bindgen glue ${glue} in ${dir}: ${files.join(', ')}`);
  return { glue, wasm: wasm[0] };
}

/**
 * The other languages' files, content-hashed (`treatment-guide-fr-<hash>.json`:
 * content, guide and fallback), and `fallback-<lang>.html`. Returns the loader's
 * map of language to file name.
 */
function writeLanguages(dir, langs) {
  for (const old of Object.values(languageFiles(dir))) rmSync(join(dir, old));
  const names = {};
  for (const [lang, { bundle, fallback }] of Object.entries(langs)) {
    const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
    names[lang] = `treatment-guide-${lang}-${hash}.json`;
    writeFileSync(join(dir, names[lang]), bundle);
    writeFileSync(join(dir, `fallback-${lang}.html`), `${fallback}\n`);
  }
  return names;
}

/** The loader's manifest with each language's file name (`files`: language → file). */
function withFiles(manifest, files) {
  for (const [lang, file] of Object.entries(files)) {
    if (!manifest.languages[lang]) throw new Error(`post-build: the manifest has no language ${lang}`);
    manifest.languages[lang].file = file;
  }
  return manifest;
}

/** Where wasm-bindgen's glue takes the module's exports when it starts. */
const EXPORTS_TAKEN = 'wasm = instance.exports;';

/**
 * The release build aborts at once on a panic (`-Cpanic=immediate-abort`,
 * see the Makefile): the code stops with a WebAssembly trap and runs no
 * Rust of its own. Every call into the code goes through the glue's `wasm`
 * object, so the glue is given guarded exports: the first trap marks the
 * instance (`trapped()`) and calls the handler the loader set (`onTrap`),
 * which shows the widget's notice. The error is thrown on as before.
 */
const TRAP_GUARD = `
let tgTrapped = false;
let tgOnTrap = null;
function tgGuard(exports) {
  const guarded = {};
  for (const name of Object.keys(exports)) {
    const value = exports[name];
    guarded[name] = typeof value !== 'function' ? value : function () {
      try {
        return value.apply(this, arguments);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError && !tgTrapped) {
          tgTrapped = true;
          if (tgOnTrap) tgOnTrap(error);
        }
        throw error;
      }
    };
  }
  return guarded;
}
/** Whether a call into this instance of the code has trapped (it is then not used again). */
export function trapped() { return tgTrapped; }
/** Calls \`handler(error)\` when a call into this instance first traps. */
export function onTrap(handler) { tgOnTrap = handler; }
`;

/** The glue with its exports guarded (TRAP_GUARD); a glue guarded before (a second run on a folder) as it is. */
export function guardedGlue(code) {
  if (/\bonTrap\b/.test(code)) return code;
  if (!code.includes(EXPORTS_TAKEN)) throw new Error(`post-build: the glue has no "${EXPORTS_TAKEN}" to guard`);
  return code.replace(EXPORTS_TAKEN, 'wasm = tgGuard(instance.exports);') + TRAP_GUARD;
}

/** The loader's entry module: it and the modules it imports are bundled into treatment-guide.js. */
export const LOADER_ENTRY = fileURLToPath(new URL('../src/loader/index.js', import.meta.url));
/** The contrast lint's module (for web staff): a file of its own, which the loader imports only where it is wanted. */
const CONTRAST_ENTRY = fileURLToPath(new URL('../src/loader/contrast.js', import.meta.url));
/** The contrast lint's file: `contrast-<16 hex of its content's hash>.js`. */
export const CONTRAST_FILE = /^contrast-[0-9a-f]{16}\.js$/;

/**
 * The loader bundled by esbuild from `entry` (src/loader/, ES modules) into
 * one classic script (an IIFE: it adds no global, and works as a module
 * script too), with `facts` for the names src/loader/facts.js reads (each
 * given as a JavaScript value, see facts.js). Minified by terser
 * (tools/minify.mjs), whose output is smaller than esbuild's own minifier's.
 */
export async function bundledLoader(facts, entry = LOADER_ENTRY) {
  const define = Object.fromEntries(Object.entries(facts).map(([name, value]) => [`__TG_${name}__`, JSON.stringify(value)]));
  return minified(await bundled(entry, 'iife', define), false);
}

/** `entry` and the modules it imports, bundled by esbuild into one script of `format` (iife or esm), not minified. */
async function bundled(entry, format, define = {}) {
  const out = await build({
    entryPoints: [entry], bundle: true, write: false, format, target: 'es2020',
    define, legalComments: 'none', logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Writes the contrast lint's module (CONTRAST_ENTRY, bundled and minified) under its content hash, replacing an older one; returns its name. */
async function writeContrast(dir) {
  return writeHashed(dir, await minified(await bundled(CONTRAST_ENTRY, 'esm'), true), 'contrast', CONTRAST_FILE);
}

/** The contrast lint's file in a built folder (see writeContrast). */
export function contrastFile(dir) {
  return hashedFile(dir, CONTRAST_FILE, 'contrast-<hash>.js');
}

/**
 * The loader step: treatment-guide.js bundled from src/loader/ (bundledLoader), the
 * contrast lint beside it (writeContrast), and the glue, guarded
 * (guardedGlue) and minified; the content reader must be in `dir` already (the reader step).
 * Returns the files the loader names: { glue, wasm, reader: { glue, wasm }, languages, listen, warm, contrast }.
 */
export async function writeLoader(dir, version = cargoVersion(), rendered = prerender()) {
  const { glue, wasm } = wasmFiles(dir);
  const reader = readerFiles(dir);
  const listen = await writeListen(dir);
  const warm = await writeWarm(dir);
  const contrast = await writeContrast(dir);
  const languages = writeLanguages(dir, rendered.langs || {});
  const loader = await bundledLoader({
    MANIFEST: withFiles(rendered.manifest, languages),
    GLUE: glue, WASM: wasm, READER: reader.glue, READER_WASM: reader.wasm, LISTEN: listen, WARM: warm, CONTRAST: contrast, VERSION: version,
    BUILT_IN: { guide: rendered.guide, fallback: rendered.fallback }, CSS: rendered.css,
  });
  writeFileSync(join(dir, LOADER), loader);
  for (const [name, text] of Object.entries(rendered.api || {})) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, glue), await minified(guardedGlue(readFileSync(join(dir, glue), 'utf8')), true));
  return { glue, wasm, reader, languages, listen, warm, contrast };
}

/** The files writeLoader named, found in a built folder whose loader is kept (`--precache-only`). */
export function builtFiles(dir) {
  return { ...wasmFiles(dir), reader: readerFiles(dir), languages: languageFiles(dir), listen: listenFile(dir), warm: warmFile(dir), contrast: contrastFile(dir) };
}

/** Every file under `dir` as a `/`-separated path relative to it, sorted; dot files and folders left out. */
export function walk(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path, root) : [relative(root, path).split(sep).join('/')];
    })
    .sort();
}

/** The precache step: precache.json and sw.js, given the files the loader step named. Returns the precache list. */
export function writePrecache(dir, { glue, wasm, reader, languages, listen, warm, contrast }) {
  const urls = walk(dir).filter((url) => !GENERATED.has(url));
  if (!urls.includes('index.html') || !urls.includes(LOADER)) {
    throw new Error(`post-build: ${dir} lacks index.html or ${LOADER}: ${urls.join(', ')}`);
  }
  // The files the embed loads: the loader and every file it names, plus wasm-bindgen snippets.
  const named = [glue, wasm, reader.glue, reader.wasm, ...(listen ? [listen] : []), ...(warm ? [warm] : []), ...(contrast ? [contrast] : []), ...Object.values(languages)];
  const missing = named.filter((url) => !urls.includes(url));
  if (missing.length) throw new Error(`post-build: ${dir} lacks the files its loader names: ${missing.join(', ')}`);
  const embed = new Set([LOADER, ...named, ...urls.filter((url) => url.startsWith('snippets/'))]);

  const files = urls.map((url) => {
    const bytes = readFileSync(join(dir, url));
    return {
      url,
      bytes: bytes.length,
      integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
      immutable: HASHED.test(url),
      embed: embed.has(url),
    };
  });
  const template = readFileSync(new URL('../pwa/sw.js', import.meta.url), 'utf8');
  const digest = createHash('sha256').update(template);
  for (const file of files) digest.update(`${file.url}\n${file.integrity}\n`);
  const version = digest.digest('hex').slice(0, 16);

  const build = { version, files };
  writeFileSync(join(dir, 'precache.json'), `${JSON.stringify(build, null, 2)}\n`);
  const worker = template.replace('__TG_BUILD__', JSON.stringify(build));
  if (worker.includes('__TG_')) throw new Error('post-build: a placeholder was left in sw.js');
  writeFileSync(join(dir, 'sw.js'), worker);
  return build;
}

/**
 * The post-build steps, in the order they run. Each names the files it reads
 * (`reads`) and writes (`writes`) in the folder, or the values it hands on
 * (`gives`) to a later step in `state`. `<h>`: a content hash.
 */
export const STEPS = [
  {
    name: 'reader',
    reads: ['tg-reader.js', 'tg-reader_bg.wasm'],
    writes: ['content-reader-<h>.js', 'content-reader-<h>.wasm'],
    run: async (dir) => { await writeReader(dir); },
  },
  {
    name: 'checker',
    reads: ['tg-checker.js', 'tg-checker_bg.wasm', 'check.html'],
    writes: ['check-engine-<h>.js', 'check.html'],
    run: (dir) => { writeChecker(dir); },
  },
  {
    name: 'prerender',
    reads: ['src/bin/prerender.rs (cargo run, natively)', 'styles/widget.css'],
    gives: ['rendered: the guide, the plain guide, the other languages, the manifest, the element\'s API files, the minified styles'],
    run: (dir, state) => { state.rendered = prerender(); },
  },
  {
    name: 'loader',
    reads: ['treatment-guide-<h>.js', 'treatment-guide-<h>_bg.wasm', 'content-reader-<h>.js', 'content-reader-<h>.wasm',
      'src/loader/', 'src/listen.js', 'src/warm.js', 'rendered'],
    writes: [LOADER, 'contrast-<h>.js', 'treatment-guide-<h>.js (guarded, minified)', 'listen-<h>.js', 'warm-<h>.js', 'treatment-guide-<lang>-<h>.json',
      'fallback-<lang>.html', ...API_FILES],
    gives: ['named: the files the loader names'],
    run: async (dir, state) => { state.named = await writeLoader(dir, cargoVersion(), state.rendered); },
  },
  {
    name: 'fallback',
    reads: ['rendered', 'index.html'],
    writes: ['fallback.html', 'index.html (the plain guide in <noscript>)'],
    run: (dir, state) => { writeFallback(dir, state.rendered.fallback); },
  },
  {
    name: 'precache',
    reads: ['every file', 'named (or, alone, the folder\'s files: builtFiles)', 'pwa/sw.js'],
    writes: ['precache.json', 'sw.js'],
    run: (dir, state) => { state.build = writePrecache(dir, state.named ?? builtFiles(dir)); },
  },
];

/** Runs the steps named (all of STEPS by default) on `dir`, in STEPS' order. Returns the state they handed on. */
export async function runSteps(dir, names = STEPS.map((step) => step.name)) {
  const unknown = names.filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length) throw new Error(`post-build: no step ${unknown.join(', ')}`);
  const state = {};
  for (const step of STEPS.filter(({ name }) => names.includes(name))) await step.run(dir, state);
  return state;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) || process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('post-build: no TRUNK_STAGING_DIR and no folder argument');
  const { build } = await runSteps(dir, args.includes('--precache-only') ? ['precache'] : undefined);
  console.log(`post-build: sw.js precaches ${build.files.length} files, version ${build.version}`);
}
