// Trunk post-build hook (env TRUNK_STAGING_DIR), or by hand on a built folder:
//
//   node tools/post-build.mjs <dir>                  both steps below
//   node tools/post-build.mjs --precache-only <dir>  steps 2 and 3 only (the
//                                                    folder's treatment-guide.js is kept)
//
// 1. Prerenders the guide with the widget's own components (natively, Yew SSR),
//    then writes treatment-guide.js (the only file a host page references)
//    from its template, pointing at this build's content-hashed WebAssembly and
//    glue, carrying the prerendered guide and styles and the widget's version
//    from Cargo.toml (tools/version.mjs; readable as
//    customElements.get('treatment-guide').version), and minifies both scripts
//    with terser (Trunk leaves wasm-bindgen's glue as written). Writes
//    fallback.html and puts the plain guide into the standalone page.
// 2. Points the standalone page's preload hints at the files the loader names,
//    so the browser fetches them while it is still parsing the page.
// 3. Lists every file of the folder with its SRI hash into precache.json, and
//    writes sw.js (the standalone page's service worker, from pwa/sw.js) with
//    that list and a version derived from it: a build with any changed file
//    gets a new cache name.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';
import { version as cargoVersion } from './version.mjs';

const LOADER = 'treatment-guide.js';
/** Written by step 2, so never listed. */
const GENERATED = new Set(['sw.js', 'precache.json']);
/** Trunk's content hash in a file name: `name-<16 hex>.ext`, `name-<16 hex>_bg.wasm`. */
const HASHED = /-[0-9a-f]{16,}(?:_bg)?\.[a-z0-9]+$/;

/** Minified JavaScript; `module` for an ES module (the glue), else a classic script. */
async function minified(code, module) {
  const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string') throw new Error('post-build: terser returned no code');
  return out.code;
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
 * natively): `guide.html` (hydratable), `fallback.html` (plain) and `widget.css`.
 */
export function prerender() {
  const out = mkdtempSync(join(tmpdir(), 'tg-prerender-'));
  try {
    execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', out], { stdio: ['ignore', 'inherit', 'inherit'], env: nativeEnv() });
    const read = (name) => readFileSync(join(out, name), 'utf8');
    const langs = Object.fromEntries(readdirSync(out)
      .map((name) => name.match(/^lang-([a-z]+)\.json$/)?.[1]).filter(Boolean)
      .map((lang) => [lang, { bundle: read(`lang-${lang}.json`), fallback: read(`fallback-${lang}.html`) }]));
    return { guide: read('guide.html'), fallback: read('fallback.html'), css: read('widget.css'), langs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Where the prerendered guide goes in the standalone page: inside its element, for readers without script. */
const PAGE_SLOT = /(<treatment-guide[^>]*>)[\s\S]*?(<\/treatment-guide>)/;

/** Step 1b: dist/fallback.html (a snippet hosts may paste) and the standalone page's guide in its HTML. */
export function writeFallback(dir, fallback) {
  writeFileSync(join(dir, 'fallback.html'), `${fallback}\n`);
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  if (!PAGE_SLOT.test(html)) throw new Error(`post-build: index.html in ${dir} has no <treatment-guide> element`);
  // In <noscript>: readers with script see the widget at once, with no switch from one to the other.
  writeFileSync(page, html.replace(PAGE_SLOT, (_, open, close) => `${open}<noscript>${fallback}</noscript>${close}`));
}

/**
 * The other languages' files, content-hashed (`treatment-guide-fr-<hash>.json`:
 * content, guide and fallback), and `fallback-<lang>.html`. Returns the loader's
 * map of language to file name.
 */
function writeLanguages(dir, langs) {
  for (const old of readdirSync(dir).filter((f) => /^treatment-guide-[a-z]+-[0-9a-f]{16}\.json$/.test(f))) rmSync(join(dir, old));
  const names = {};
  for (const [lang, { bundle, fallback }] of Object.entries(langs)) {
    const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
    names[lang] = `treatment-guide-${lang}-${hash}.json`;
    writeFileSync(join(dir, names[lang]), bundle);
    writeFileSync(join(dir, `fallback-${lang}.html`), `${fallback}\n`);
  }
  return names;
}

/** Step 1: treatment-guide.js from src/treatment-guide.js, and the glue, minified. */
export async function writeLoader(dir, version = cargoVersion(), rendered = prerender()) {
  const files = readdirSync(dir);
  const wasm = files.filter((f) => f.endsWith('_bg.wasm'));
  if (wasm.length !== 1) throw new Error(`post-build: expected one *_bg.wasm in ${dir}, found: ${wasm.join(', ') || 'none'}`);
  const glue = wasm[0].replace(/_bg\.wasm$/, '.js');
  if (!files.includes(glue)) throw new Error(`post-build: no wasm-bindgen glue ${glue} in ${dir}: ${files.join(', ')}`);
  const template = readFileSync(new URL('../src/treatment-guide.js', import.meta.url), 'utf8');
  const loader = template.replace('__TG_GLUE__', glue).replace('__TG_WASM__', wasm[0])
    .replace('"__TG_GUIDE__"', () => JSON.stringify(rendered.guide))
    .replace('"__TG_FALLBACK__"', () => JSON.stringify(rendered.fallback))
    .replace('"__TG_CSS__"', () => JSON.stringify(rendered.css))
    .replace('"__TG_LANGS__"', () => JSON.stringify(writeLanguages(dir, rendered.langs || {})))
    .replace('__TG_VERSION__', version);
  if (loader.includes('__TG_')) throw new Error('post-build: a placeholder was left in the loader');
  writeFileSync(join(dir, LOADER), await minified(loader, false));
  writeFileSync(join(dir, glue), await minified(readFileSync(join(dir, glue), 'utf8'), true));
}

/** Marks the preload hints this step owns in index.html. */
const PRELOAD_MARK = 'data-tg-preload';

/** Step 2: preload hints in index.html for the glue and wasm that treatment-guide.js names. */
export function writePreloads(dir) {
  const loader = readFileSync(join(dir, LOADER), 'utf8');
  const named = (suffix) => loader.match(new RegExp(`['"]([^'"/]+${suffix})['"]`))?.[1];
  const [glue, wasm] = [named('-[0-9a-f]+\\.js'), named('_bg\\.wasm')];
  if (!glue || !wasm) throw new Error(`post-build: ${LOADER} in ${dir} names no glue or wasm`);
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8').replace(new RegExp(`\\s*<link [^>]*${PRELOAD_MARK}[^>]*>`, 'g'), '');
  const hints = `<link rel="modulepreload" href="${glue}" ${PRELOAD_MARK}>\n  `
    + `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin ${PRELOAD_MARK}>\n  `;
  const at = html.indexOf(`<script src="${LOADER}"`);
  if (at < 0) throw new Error(`post-build: index.html in ${dir} has no <script src="${LOADER}">`);
  writeFileSync(page, html.slice(0, at) + hints + html.slice(at));
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

/** Step 2: precache.json and sw.js. Returns the precache list. */
export function writePrecache(dir) {
  const urls = walk(dir).filter((url) => !GENERATED.has(url));
  if (!urls.includes('index.html') || !urls.includes(LOADER)) {
    throw new Error(`post-build: ${dir} lacks index.html or ${LOADER}: ${urls.join(', ')}`);
  }
  // The files the embed loads: the loader and every file it names (glue, wasm), plus wasm-bindgen snippets.
  const loader = readFileSync(join(dir, LOADER), 'utf8');
  const quoted = (url) => ['\'', '"', '`'].some((q) => loader.includes(`${q}${url}${q}`));
  const named = urls.filter((url) => url !== LOADER && !url.includes('/') && quoted(url));
  if (!named.some((u) => u.endsWith('.wasm')) || !named.some((u) => u.endsWith('.js'))) {
    throw new Error(`post-build: ${LOADER} in ${dir} names no wasm or glue file of the folder`);
  }
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) || process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('post-build: no TRUNK_STAGING_DIR and no folder argument');
  if (!args.includes('--precache-only')) {
    const rendered = prerender();
    await writeLoader(dir, cargoVersion(), rendered);
    writeFallback(dir, rendered.fallback);
  }
  writePreloads(dir);
  const { version, files } = writePrecache(dir);
  console.log(`post-build: sw.js precaches ${files.length} files, version ${version}`);
}
