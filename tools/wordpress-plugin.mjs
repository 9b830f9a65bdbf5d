// The WordPress plugin, treatment-guide-wordpress-X.Y.Z.zip, from
// wordpress/treatment-guide/ and the built dist/ as it is (`make release`
// writes it next to the other artifacts; the WordPress test installs it):
//
//   node tools/wordpress-plugin.mjs [dist] [out]      (defaults: dist, release)
//
// The zip holds one folder, treatment-guide/ (the plugin's slug, so an
// update replaces it), as Plugins › Add New › Upload Plugin expects:
// - the plugin's files, with {{version}} filled in (X.Y.Z: Cargo.toml);
// - dist/, every file of the build, and dist/.htaccess (wordpress/htaccess:
//   long cache headers for the hashed files, for Apache hosts that allow it);
// - guide.json: what the plugin's PHP and editor need to know of the build,
//   read from it here so no fact is written twice: each language's plain
//   guide file, name, and section ids with their titles;
// - languages/: each .po with its .mo (PHP) and the editor script's JSON,
//   made here from the .po by tools/gettext.mjs;
// - LICENSE.
import { readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jedJson, moFile, parsePo } from './gettext.mjs';
import { walk } from './post-build.mjs';
import { zip } from './zip.mjs';
import { version as cargoVersion } from './version.mjs';
import { LOADER_FILE } from './modules.mjs';

/** The repository's root. */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The plugin's slug: its folder in the zip and in wp-content/plugins/. */
export const SLUG = 'treatment-guide';
/** The plugin's sources in the repository. */
export const PLUGIN_SOURCE = 'wordpress/treatment-guide';
/** The .htaccess the plugin's dist/ carries. */
export const HTACCESS_SOURCE = 'wordpress/htaccess';
/** The editor script's handle (includes/render.php): its translations are `{domain}-{locale}-{handle}.json`. */
export const EDITOR_HANDLE = 'treatment-guide-editor';
/** The text domain of the plugin's strings. */
export const TEXT_DOMAIN = 'treatment-guide';
/** Files of the plugin's sources whose {{version}} is filled in. */
const VERSIONED = /\.(php|txt|json)$/;
/** The plain guide of the default language, and of each other (tools/post-build.mjs). */
const FALLBACK = /^fallback(?:-([a-z]+))?\.html$/;

/** The zip's name for a version. */
export const zipName = (version) => `${SLUG}-wordpress-${version}.zip`;

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Text of HTML: tags dropped, entities decoded, spaces folded. */
export function htmlText(html) {
  return html.replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ').trim();
}

/** A plain guide's language (its root's `lang`) and sections ([{ id, title }], in page order). */
export function readPlainGuide(html) {
  const lang = html.match(/\blang="([a-z]+)(?:-[A-Za-z0-9]+)?"/)?.[1];
  const sections = [...html.matchAll(/data-tg-section="([^"]+)"[^>]*>\s*<h[1-6][^>]*class="tg-heading"[^>]*>([\s\S]*?)<\/h[1-6]>/g)]
    .map(([, id, heading]) => ({ id, title: htmlText(heading) }));
  return { lang, sections };
}

/** A language's name in itself, capitalised (`fr` → `Français`). */
export function autonym(code) {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) || code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/**
 * guide.json: { element, version, languages: { code: { name, fallback, sections } } },
 * the default language first, from the built folder's plain guides.
 */
export function guideFacts(dist, version) {
  const languages = {};
  const files = walk(dist).filter((f) => FALLBACK.test(f)).sort((a, b) => a.length - b.length);
  for (const file of files) {
    const named = file.match(FALLBACK)[1];
    const { lang, sections } = readPlainGuide(readFileSync(join(dist, file), 'utf8'));
    const code = named || lang;
    if (!code) throw new Error(`wordpress-plugin: ${file} names no language`);
    if (named && lang && lang !== named) throw new Error(`wordpress-plugin: ${file} is in ${lang}`);
    if (!sections.length) throw new Error(`wordpress-plugin: no sections found in ${file}`);
    languages[code] = { name: autonym(code), fallback: file, sections };
  }
  if (!Object.keys(languages).length) throw new Error(`wordpress-plugin: no fallback.html in ${dist}; run make build first`);
  const [first, ...others] = Object.values(languages).map((l) => l.sections.map((s) => s.id).join(','));
  if (others.some((ids) => ids !== first)) throw new Error('wordpress-plugin: the languages have different section ids');
  return { element: 'treatment-guide', version, languages };
}

/** The translations of each .po in languages/: the .po, its .mo and the editor's JSON, as [{ name, data }]. */
export function translations(source) {
  const dir = join(source, 'languages');
  return walk(dir).filter((f) => f.endsWith('.po')).flatMap((po) => {
    const locale = po.match(new RegExp(`^${TEXT_DOMAIN}-([A-Za-z_]+)\\.po$`))?.[1];
    if (!locale) throw new Error(`wordpress-plugin: ${po} is not named ${TEXT_DOMAIN}-<locale>.po`);
    const entries = parsePo(readFileSync(join(dir, po), 'utf8'));
    return [
      { name: `languages/${po}`, data: readFileSync(join(dir, po)) },
      { name: `languages/${TEXT_DOMAIN}-${locale}.mo`, data: moFile(entries) },
      { name: `languages/${TEXT_DOMAIN}-${locale}-${EDITOR_HANDLE}.json`, data: Buffer.from(jedJson(entries)) },
    ];
  });
}

/** Every file of the plugin, named inside the zip's folder: [{ name, data }]. */
export function pluginFiles({ dist, version, root = ROOT }) {
  const source = join(root, PLUGIN_SOURCE);
  const own = walk(source).filter((f) => !f.startsWith('languages/')).map((name) => {
    let data = readFileSync(join(source, name));
    if (VERSIONED.test(name)) {
      const text = data.toString('utf8').replaceAll('{{version}}', version);
      if (text.includes('{{')) throw new Error(`wordpress-plugin: a placeholder was left in ${name}`);
      data = Buffer.from(text);
    }
    return { name, data };
  });
  return [
    ...own,
    ...translations(source),
    { name: 'guide.json', data: Buffer.from(`${JSON.stringify(guideFacts(dist, version), null, 2)}\n`) },
    { name: 'LICENSE', data: readFileSync(join(root, 'LICENSE')) },
    ...walk(dist).map((file) => ({ name: `dist/${file}`, data: readFileSync(join(dist, file)) })),
    { name: 'dist/.htaccess', data: readFileSync(join(root, HTACCESS_SOURCE)) },
  ];
}

/**
 * Writes `out`/treatment-guide-wordpress-X.Y.Z.zip from `dist`. Returns
 * { file, bytes, entries } (entries named inside the zip, under treatment-guide/).
 */
export function writePlugin({ dist, out, version, root = ROOT, mtime = new Date() }) {
  const entries = pluginFiles({ dist, version, root }).map(({ name, data }) => ({ name: `${SLUG}/${name}`, data }));
  const bytes = zip(entries, mtime);
  mkdirSync(out, { recursive: true });
  const file = join(out, zipName(version));
  writeFileSync(file, bytes);
  return { file, bytes, entries };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] || 'dist');
  const out = resolve(process.argv[3] || 'release');
  try {
    statSync(join(dist, LOADER_FILE));
  } catch {
    console.error(`wordpress-plugin: no ${LOADER_FILE} in ${dist}; run make build first`);
    process.exit(1);
  }
  const { file, bytes, entries } = writePlugin({ dist, out, version: cargoVersion() });
  console.log(`wordpress-plugin: ${relative(process.cwd(), file)} (${bytes.length} bytes, ${(bytes.length / 1024).toFixed(1)} KiB; ${entries.length} files)`);
}
