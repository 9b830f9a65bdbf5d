// `make release` (after `make test`, which builds dist/): the two forms web
// staff get the widget in, and the snippet to paste.
//
//   node tools/release.mjs [dist] [out]      (defaults: dist, release)
//
// writes into `out` (git-ignored):
// - treatment-guide-X.Y.Z.tgz: the npm package (`npm pack` of a folder staged
//   here: dist/, starter-kit/, README.md, LICENSE, CHANGELOG.md and a package.json made by
//   manifest() below; the development package.json is never part of it). On a
//   CDN that serves npm packages it is
//   https://cdn.jsdelivr.net/npm/treatment-guide@X.Y.Z/dist/treatment-guide.js
// - treatment-guide-X.Y.Z.zip: one folder treatment-guide-X.Y.Z/ with dist/,
//   README.txt (the short guide for web staff, with this version's snippet),
//   LICENSE, CHANGELOG.md, starter-kit/ (for content editors: the example
//   content file, its schema and a README) and SHA256SUMS (`sha256sum -c
//   SHA256SUMS` in it).
// - treatment-guide-wordpress-X.Y.Z.zip: the WordPress plugin with dist/ as it
//   is (tools/wordpress-plugin.mjs).
// and prints the snippet with the version and the SRI hash of the loader.
// When the text it ships has not had a medical review, or has changed since
// its last one (the prerendered footers say so: reviewState), it prints a
// clear warning; it does not fail on it.
// X.Y.Z is the version in Cargo.toml (tools/version.mjs). The zip is written
// by fflate, so no zip tool is needed.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { zip } from './zip.mjs';
import { writePlugin } from './wordpress-plugin.mjs';
import { version as cargoVersion } from './version.mjs';
import { sri } from './sri.mjs';
import { walk } from './post-build.mjs';
import { LOADER_FILE } from './modules.mjs';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const NAME = 'treatment-guide';
export const LOADER = LOADER_FILE;
/** Files of the repository that ship beside dist/ in the npm package. */
export const DOCS = ['README.md', 'LICENSE', 'CHANGELOG.md'];
/** The folder of the starter kit for content editors, in the package and the archive. */
export const STARTER_KIT_DIR = 'starter-kit';
/**
 * The starter kit (repository file → its name in the kit): the example
 * content file, its schema and a short README for editors.
 */
export const STARTER_KIT = [
  ['docs/content-example.json', 'content-example.json'],
  ['docs/content.schema.json', 'content.schema.json'],
  ['docs/editors/README.md', 'README.md'],
].map(([from, name]) => ({ from, to: `${STARTER_KIT_DIR}/${name}` }));

/** The starter kit's files as [{ name, data }], named as they ship. */
export function starterKit(root = ROOT) {
  return STARTER_KIT.map(({ from, to }) => ({ name: to, data: readFileSync(join(root, from)) }));
}

/** Every file under `dir`, as post-build lists them for the precache (one definition). */
export { walk };

// ------------------------------------------------------------- npm package

/**
 * The package.json of the published package: no scripts and no dependencies
 * of any kind (the widget has none at run time); `files` lists what ships.
 */
export function manifest(version) {
  const loader = `dist/${LOADER}`;
  return {
    name: NAME,
    version,
    description: 'Patient information on treatments for relapsed or refractory acute lymphocytic leukemia (ALL), '
      + 'as a <treatment-guide> web component with a drug-name lookup. Add it to a page with one script tag.',
    keywords: ['web-component', 'custom-element', 'leukemia', 'patient-information', 'webassembly'],
    license: 'MIT',
    files: ['dist/', `${STARTER_KIT_DIR}/`, ...DOCS],
    // The loader is a classic script for a <script> tag (it defines the element
    // and loads the rest relative to its own URL); CDNs serve it for the bare
    // package URL.
    unpkg: loader,
    jsdelivr: loader,
    // The element's Custom Elements Manifest and TypeScript types, for editors, Storybook and CMSs.
    customElements: 'dist/custom-elements.json',
    types: 'dist/treatment-guide.d.ts',
    exports: {
      '.': { types: './dist/treatment-guide.d.ts', default: `./${loader}` },
      './dist/*': './dist/*',
      './package.json': './package.json',
    },
  };
}

/** Copies dist/ and the docs into a new folder `stage` with the package's package.json. */
export function stageNpm({ dist, stage, version, root = ROOT }) {
  rmSync(stage, { recursive: true, force: true });
  for (const file of walk(dist)) {
    mkdirSync(dirname(join(stage, 'dist', file)), { recursive: true });
    copyFileSync(join(dist, file), join(stage, 'dist', file));
  }
  for (const doc of DOCS) copyFileSync(join(root, doc), join(stage, doc));
  mkdirSync(join(stage, STARTER_KIT_DIR), { recursive: true });
  for (const { name, data } of starterKit(root)) writeFileSync(join(stage, name), data);
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest(version), null, 2)}\n`);
  return stage;
}

/**
 * `npm pack --json` in a staged folder (`dryRun`: lists only). Returns npm's
 * report: { filename, size, unpackedSize, files: [{ path, size }], … }.
 */
export function npmPack(stage, { destination, dryRun = false } = {}) {
  const args = ['pack', '--json', '--ignore-scripts', '--loglevel=error'];
  if (dryRun) args.push('--dry-run');
  if (destination) args.push('--pack-destination', destination);
  const out = execFileSync('npm', args, { cwd: stage, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  const [report] = JSON.parse(out);
  return report;
}

// --------------------------------------------------------------------- zip

/** Zip files written and read by fflate (tools/zip.mjs; the WordPress plugin's zip uses them too). */
export { unzip, zip } from './zip.mjs';

// ------------------------------------------------------------------ archive

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** SHA256SUMS text (as `sha256sum` writes and `sha256sum -c` reads) of entries [{ name, data }]. */
export function checksums(entries) {
  return entries.map(({ name, data }) => `${sha256(data)}  ${name}\n`).join('');
}

/** Names (relative to the file's folder) whose data does not match a SHA256SUMS text; [] if all match. */
export function verifyChecksums(sums, files) {
  const bad = [];
  const lines = sums.split('\n').filter(Boolean);
  if (!lines.length) return ['(SHA256SUMS is empty)'];
  for (const line of lines) {
    const [, hex, name] = line.match(/^([0-9a-f]{64}) [ *](.+)$/) || [];
    if (!hex) bad.push(`(bad line: ${line})`);
    else if (!files.has(name) || sha256(files.get(name)) !== hex) bad.push(name);
  }
  return bad;
}

/** The snippet a host page pastes: versioned CDN URL, integrity, crossorigin. */
export function snippet(version, integrity) {
  return `<script src="https://cdn.jsdelivr.net/npm/${NAME}@${version}/dist/${LOADER}"
        integrity="${integrity}" crossorigin="anonymous" defer></script>
<treatment-guide></treatment-guide>`;
}

/** README.txt of the archive: tools/web-staff-guide.txt with this version and hash filled in. */
export function webStaffGuide(version, integrity) {
  const template = readFileSync(join(ROOT, 'tools/web-staff-guide.txt'), 'utf8');
  const text = template.replaceAll('{{version}}', version).replaceAll('{{integrity}}', integrity)
    .replaceAll('{{snippet}}', snippet(version, integrity));
  if (text.includes('{{')) throw new Error('release: a placeholder was left in the web staff guide');
  return text;
}

/**
 * Writes `out`/treatment-guide-X.Y.Z.zip from `dist`. Returns { file, bytes,
 * entries } (entries as in the archive, names inside its one folder).
 */
export function writeArchive({ dist, out, version, root = ROOT, mtime = new Date() }) {
  const folder = `${NAME}-${version}`;
  const integrity = sri(join(dist, LOADER));
  const files = [
    ...walk(dist).map((file) => ({ name: `dist/${file}`, data: readFileSync(join(dist, file)) })),
    { name: 'README.txt', data: Buffer.from(webStaffGuide(version, integrity)) },
    { name: 'LICENSE', data: readFileSync(join(root, 'LICENSE')) },
    { name: 'CHANGELOG.md', data: readFileSync(join(root, 'CHANGELOG.md')) },
    ...starterKit(root),
  ];
  files.push({ name: 'SHA256SUMS', data: Buffer.from(checksums(files)) });
  const entries = files.map(({ name, data }) => ({ name: `${folder}/${name}`, data }));
  const bytes = zip(entries, mtime);
  mkdirSync(out, { recursive: true });
  const file = join(out, `${folder}.zip`);
  writeFileSync(file, bytes);
  return { file, bytes, entries };
}

/**
 * The version a built loader reports as customElements.get('treatment-guide').version,
 * found by running its text in a bare sandbox with just enough of a browser to define the element.
 */
export function loaderVersion(text) {
  const registry = new Map();
  const window = {
    customElements: { get: (name) => registry.get(name), define: (name, element) => registry.set(name, element) },
    document: { currentScript: { src: `https://cdn.example/npm/${NAME}/dist/${LOADER}` }, baseURI: 'https://host.example/' },
    HTMLElement: class {},
    URL,
  };
  window.window = window;
  runInNewContext(text, window, { timeout: 1000 });
  const element = registry.get(NAME);
  if (!element) throw new Error(`release: the loader did not define <${NAME}>`);
  return element.version;
}

/** The prerendered plain guides of dist/: the default language's, then one a language. */
const FALLBACK = /^fallback(?:-([a-z]+))?\.html$/;

/**
 * The review state of each language's text as it ships, read from the
 * prerendered guides' footers (`data-review`: `reviewed`, `changed` or
 * `none`, set by the build from the fingerprint): [{ lang, state }].
 */
export function reviewStates(dist) {
  const states = [];
  for (const name of walk(dist)) {
    const match = FALLBACK.exec(name);
    if (!match) continue;
    const html = readFileSync(join(dist, name), 'utf8');
    const lang = /class="tg-root"[^>]*\blang="([^"]+)"|\blang="([^"]+)"[^>]*class="tg-root"/.exec(html);
    const state = /data-review="([a-z]+)"/.exec(html);
    states.push({ lang: match[1] || (lang && (lang[1] || lang[2])) || 'default', state: state ? state[1] : 'unknown' });
  }
  return states.sort((a, b) => a.lang.localeCompare(b.lang));
}

/** What each review state means, for the release warning. */
const STATE_WORDS = {
  none: 'has not had a medical review',
  changed: 'has changed since its last medical review',
  unknown: 'has no review state in its footer (an older build?)',
};

/** The warning for a release that ships unreviewed text (null when every text is the one reviewed). */
export function reviewWarning(states) {
  const unreviewed = states.filter(({ state }) => state !== 'reviewed');
  if (!unreviewed.length) return null;
  return [
    'release: WARNING: this release ships text that is not medically reviewed as it stands:',
    ...unreviewed.map(({ lang, state }) => `release:   ${lang}: the text ${STATE_WORDS[state] || STATE_WORDS.unknown}; its footer tells readers so`),
    'release: a medical reviewer signs the text with `content-check --sign-review` (README, "Medical review"); '
      + 'the release goes on.',
  ].join('\n');
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] || 'dist');
  const out = resolve(process.argv[3] || 'release');
  const version = cargoVersion();
  const fail = (message) => {
    console.error(`release: ${message}`);
    process.exit(1);
  };
  try {
    statSync(join(dist, LOADER));
  } catch {
    fail(`no ${LOADER} in ${dist}; run make build first`);
  }
  const built = loaderVersion(readFileSync(join(dist, LOADER), 'utf8'));
  if (built !== version) fail(`${dist}/${LOADER} is version ${built}, Cargo.toml says ${version}; rebuild`);

  mkdirSync(out, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'tg-npm-'));
  let pack;
  try {
    stageNpm({ dist, stage, version });
    pack = npmPack(stage, { destination: out });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  const archive = writeArchive({ dist, out, version });
  const integrity = sri(join(dist, LOADER));
  const plugin = writePlugin({ dist, out, version });

  console.log(`release: version ${version}`);
  console.log(`release: ${relative(process.cwd(), join(out, pack.filename))} (${pack.size} bytes, ${kib(pack.size)}; `
    + `${pack.entryCount} files, ${kib(pack.unpackedSize)} unpacked)`);
  for (const { path, size } of pack.files) console.log(`  ${String(size).padStart(8)}  package/${path}`);
  console.log(`release: ${relative(process.cwd(), archive.file)} (${archive.bytes.length} bytes, ${kib(archive.bytes.length)}; `
    + `${archive.entries.length} files)`);
  console.log(`release: ${relative(process.cwd(), plugin.file)} (${plugin.bytes.length} bytes, ${kib(plugin.bytes.length)}; `
    + `${plugin.entries.length} files): the WordPress plugin`);
  console.log(`release: sha256 ${sha256(readFileSync(join(out, pack.filename)))}  ${pack.filename}`);
  console.log(`release: sha256 ${sha256(archive.bytes)}  ${NAME}-${version}.zip`);
  console.log(`release: sha256 ${sha256(plugin.bytes)}  ${relative(out, plugin.file)}`);
  console.log(`release: publish the package with: npm publish ${relative(process.cwd(), join(out, pack.filename))}`);
  console.log('\nSnippet for host pages (once the package is on npm):\n');
  console.log(snippet(version, integrity));
  const warning = reviewWarning(reviewStates(dist));
  if (warning) console.warn(`\n${warning}`);
}
