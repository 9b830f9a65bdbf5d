// Gettext files for the WordPress plugin's translations, without gettext:
// a .po file read into its entries, written as the binary .mo that PHP's
// WordPress loads, and as the Jed JSON that WordPress gives a script
// (wp_set_script_translations). Used by tools/wordpress-plugin.mjs.
//
//   node tools/gettext.mjs file.po out.mo     writes the .mo
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What separates a message's context from its id in a .mo key (gettext's EOT). */
const CONTEXT_GLUE = '\u0004';
/** A .mo file's magic number (little-endian). */
const MO_MAGIC = 0x950412de;

const ESCAPES = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/** A .po string literal's value (`"a\"b"` → `a"b`). */
function literal(text, line) {
  const match = text.match(/^"((?:[^"\\]|\\.)*)"$/);
  if (!match) throw new Error(`gettext: line ${line}: not a quoted string: ${text}`);
  return match[1].replace(/\\(.)/g, (_, c) => {
    if (!(c in ESCAPES)) throw new Error(`gettext: line ${line}: unknown escape \\${c}`);
    return ESCAPES[c];
  });
}

/**
 * The entries of a .po text: [{ context, id, str, comments }], the header
 * (msgid "") first. Plural forms are not used by the plugin and are refused.
 */
export function parsePo(text) {
  const entries = [];
  let entry = null;
  let field = null;
  const finish = () => {
    if (entry && entry.id !== undefined) {
      if (entry.str === undefined) throw new Error(`gettext: msgid "${entry.id}" has no msgstr`);
      entries.push(entry);
    }
    entry = null;
    field = null;
  };
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (!line) return finish();
    if (line.startsWith('#')) {
      if (entry && entry.id !== undefined) finish();
      entry ??= { comments: [] };
      entry.comments.push(line);
      return undefined;
    }
    const keyword = line.match(/^(msgctxt|msgid|msgstr|msgid_plural|msgstr\[\d+\])\s+(.*)$/);
    if (keyword) {
      const [, name, rest] = keyword;
      if (name === 'msgid_plural' || name.startsWith('msgstr[')) throw new Error(`gettext: line ${number}: plural forms are not supported`);
      if ((name === 'msgctxt' || (name === 'msgid' && entry?.context === undefined)) && entry?.id !== undefined) finish();
      entry ??= { comments: [] };
      field = { msgctxt: 'context', msgid: 'id', msgstr: 'str' }[name];
      if (entry[field] !== undefined) throw new Error(`gettext: line ${number}: ${name} twice in one entry`);
      entry[field] = literal(rest, number);
      return undefined;
    }
    if (line.startsWith('"') && entry && field) {
      entry[field] += literal(line, number);
      return undefined;
    }
    throw new Error(`gettext: line ${number}: cannot read: ${raw}`);
  });
  finish();
  const keys = new Set();
  for (const e of entries) {
    const key = `${e.context ?? ''}${CONTEXT_GLUE}${e.id}`;
    if (keys.has(key)) throw new Error(`gettext: msgid "${e.id}" twice${e.context ? ` in context "${e.context}"` : ''}`);
    keys.add(key);
  }
  return entries;
}

/** An entry's key in a .mo file and in Jed: `context EOT id`, or the id. */
const keyOf = (entry) => (entry.context !== undefined ? `${entry.context}${CONTEXT_GLUE}${entry.id}` : entry.id);

/** The translated entries and the header: an untranslated one (empty msgstr) is left out. */
const translated = (entries) => entries.filter((e) => e.id === '' || e.str !== '');

/**
 * A .mo file (little-endian, no hash table) of .po entries, as gettext's
 * msgfmt writes it: keys sorted by their bytes, each string followed by NUL.
 */
export function moFile(entries) {
  const pairs = translated(entries)
    .map((e) => [Buffer.from(keyOf(e)), Buffer.from(e.str)])
    .sort(([a], [b]) => Buffer.compare(a, b));
  const count = pairs.length;
  const header = 28;
  const originals = header;
  const translations = originals + count * 8;
  let offset = translations + count * 8;
  const table = Buffer.alloc(offset);
  const strings = [];
  table.writeUInt32LE(MO_MAGIC, 0);
  table.writeUInt32LE(0, 4); // revision
  table.writeUInt32LE(count, 8);
  table.writeUInt32LE(originals, 12);
  table.writeUInt32LE(translations, 16);
  table.writeUInt32LE(0, 20); // hash table size
  table.writeUInt32LE(offset, 24); // hash table offset (none)
  for (const column of [0, 1]) {
    pairs.forEach((pair, i) => {
      const data = pair[column];
      const at = (column ? translations : originals) + i * 8;
      table.writeUInt32LE(data.length, at);
      table.writeUInt32LE(offset, at + 4);
      strings.push(data, Buffer.from([0]));
      offset += data.length + 1;
    });
  }
  return Buffer.concat([table, ...strings]);
}

/** The entries of a .mo file's bytes: [[key, translation]], as written. */
export function readMo(bytes) {
  if (bytes.readUInt32LE(0) !== MO_MAGIC) throw new Error('gettext: not a little-endian .mo file');
  const count = bytes.readUInt32LE(8);
  const originals = bytes.readUInt32LE(12);
  const translations = bytes.readUInt32LE(16);
  const string = (table, i) => {
    const length = bytes.readUInt32LE(table + i * 8);
    const at = bytes.readUInt32LE(table + i * 8 + 4);
    return bytes.subarray(at, at + length).toString('utf8');
  };
  return Array.from({ length: count }, (_, i) => [string(originals, i), string(translations, i)]);
}

/** The header's fields (`Language: fr` → { Language: 'fr' }). */
export function headerFields(entries) {
  const header = entries.find((e) => e.id === '' && e.context === undefined);
  return Object.fromEntries((header?.str ?? '').split('\n').filter(Boolean).map((line) => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }));
}

/**
 * The Jed 1.x JSON that WordPress reads for a script's translations
 * (`{domain}-{locale}-{handle}.json`): every translated entry of the .po.
 */
export function jedJson(entries, domain = 'messages') {
  const fields = headerFields(entries);
  const messages = { '': { domain, lang: fields.Language || '', 'plural-forms': fields['Plural-Forms'] || 'nplurals=2; plural=(n != 1);' } };
  for (const e of translated(entries)) {
    if (e.id !== '') messages[keyOf(e)] = [e.str];
  }
  return JSON.stringify({ domain, locale_data: { [domain]: messages } });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [po, mo] = process.argv.slice(2);
  writeFileSync(mo, moFile(parsePo(readFileSync(po, 'utf8'))));
}
