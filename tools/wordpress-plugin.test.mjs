// The WordPress plugin's zip, without a build (`make test-tools`): its one
// folder, the plugin's files with the version filled in, dist/ as it is
// with its .htaccess, guide.json read from the plain guides, and the French
// strings as a .mo that reads back to the .po and as the editor's JSON.
// e2e-wordpress/ installs the zip of the real build in a real WordPress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { moFile, parsePo, readMo, jedJson } from './gettext.mjs';
import { ROOT, unzip, walk } from './release.mjs';
import { HTACCESS_SOURCE, PLUGIN_SOURCE, guideFacts, htmlText, readPlainGuide, writePlugin, zipName } from './wordpress-plugin.mjs';

const temp = (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-wp-plugin-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A plain guide as the build writes it: a root with its language, sections with headings. */
const plain = (lang, titles) => `<div class="tg-root" lang="${lang}" part="root"><h2 class="tg-title">T</h2>${
  Object.entries(titles).map(([id, title]) => `<section class="tg-section" id="tg-${id}" data-tg-section="${id}" part="section">`
    + `<h2 class="tg-heading">${title}</h2><p>text</p></section>`).join('')}</div>`;

/** A made-up dist/ with an English and a French plain guide. */
function fakeDist(dir) {
  const files = {
    'treatment-guide.js': 'console.log("loader")',
    'treatment-guide-0123456789abcdef_bg.wasm': Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]),
    'treatment-guide-fr-0123456789abcdef.json': '{}',
    'fallback.html': plain('en', { alpha: 'Alpha &amp; <span class="tg-nowrap">beta-blockers</span>', gamma: 'Gamma' }),
    'fallback-fr.html': plain('fr', { alpha: 'Alpha «&nbsp;fr&nbsp;»', gamma: 'Gamma' }),
    'snippets/x/inline0.js': 'export {}',
    '.DS_Store': 'junk',
  };
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

test('plain guides give each language its sections and titles', (t) => {
  assert.equal(htmlText('A &amp; <b>b</b>&#233;&#x20;c\n d'), 'A & bé c d');
  assert.deepEqual(readPlainGuide(plain('fr', { a: 'Un', b: 'Deux' })), {
    lang: 'fr', sections: [{ id: 'a', title: 'Un' }, { id: 'b', title: 'Deux' }],
  });
  const facts = guideFacts(fakeDist(temp(t)), '1.2.3');
  assert.deepEqual(Object.keys(facts.languages), ['en', 'fr'], 'the default language first');
  assert.deepEqual(facts.languages.en, {
    name: 'English', fallback: 'fallback.html',
    sections: [{ id: 'alpha', title: 'Alpha & beta-blockers' }, { id: 'gamma', title: 'Gamma' }],
  });
  assert.equal(facts.languages.fr.name, 'Français');
  assert.equal(facts.languages.fr.sections[0].title, 'Alpha « fr »');

  const odd = fakeDist(temp(t));
  writeFileSync(join(odd, 'fallback-fr.html'), plain('fr', { other: 'X' }));
  assert.throws(() => guideFacts(odd, '1'), /different section ids/);
  assert.throws(() => guideFacts(temp(t), '1'), /no fallback\.html/);
});

test('the zip: one folder treatment-guide/ with the plugin, dist/ as it is with its .htaccess, guide.json and the translations', (t) => {
  const dist = fakeDist(join(temp(t), 'dist'));
  const out = temp(t);
  const { file, entries } = writePlugin({ dist, out, version: '1.2.3' });
  assert.equal(file, join(out, zipName('1.2.3')));
  assert.equal(zipName('1.2.3'), 'treatment-guide-wordpress-1.2.3.zip');
  const read = unzip(readFileSync(file));
  assert.deepEqual(read.map((e) => e.name), entries.map((e) => e.name));
  assert.ok(read.every((e) => e.name.startsWith('treatment-guide/')), 'one folder, named as the plugin\'s slug');
  const files = new Map(read.map((e) => [e.name.replace(/^treatment-guide\//, ''), e.data]));

  const source = walk(join(ROOT, PLUGIN_SOURCE));
  for (const name of source) assert.ok(files.has(name), `${name} ships`);
  for (const name of walk(dist)) assert.deepEqual(files.get(`dist/${name}`), readFileSync(join(dist, name)), `dist/${name} as it is`);
  assert.ok(!files.has('dist/.DS_Store'));
  assert.deepEqual(files.get('dist/.htaccess'), readFileSync(join(ROOT, HTACCESS_SOURCE)));
  for (const name of ['treatment-guide.php', 'block.json', 'editor.js', 'readme.txt', 'uninstall.php', 'guide.json', 'LICENSE',
    'languages/treatment-guide-fr_FR.mo', 'languages/treatment-guide-fr_FR-treatment-guide-editor.json']) {
    assert.ok(files.has(name), `${name} is in the zip`);
  }

  // The version everywhere WordPress reads it, and no placeholder left.
  const main = files.get('treatment-guide.php').toString();
  assert.match(main, /^ \* Version: +1\.2\.3$/m);
  assert.match(main, /define\( 'TREATMENT_GUIDE_VERSION', '1\.2\.3' \);/);
  assert.match(files.get('readme.txt').toString(), /^Stable tag: 1\.2\.3$/m);
  assert.equal(JSON.parse(files.get('block.json')).version, '1.2.3');
  for (const [name, data] of files) {
    if (/\.(php|txt|json|js)$/.test(name) && !name.startsWith('dist/')) assert.ok(!data.toString().includes('{{'), `no placeholder in ${name}`);
  }
  // The readme in WordPress's format, with a privacy section.
  const readme = files.get('readme.txt').toString();
  for (const field of ['Requires at least', 'Tested up to', 'Stable tag', 'License', 'Requires PHP']) {
    assert.match(readme, new RegExp(`^${field}: .+$`, 'm'), `readme.txt has ${field}`);
  }
  assert.match(readme, /^== Privacy ==$/m);
  assert.deepEqual(Object.keys(JSON.parse(files.get('guide.json')).languages), ['en', 'fr']);
});

test('the .htaccess gives a year to the hashed files only', () => {
  const htaccess = readFileSync(join(ROOT, HTACCESS_SOURCE), 'utf8');
  const pattern = new RegExp(htaccess.match(/<FilesMatch "([^"]+)">/)[1]);
  assert.match(htaccess, /<FilesMatch [^>]+>\s*Header set Cache-Control "public, max-age=31536000, immutable"/);
  // Trunk writes its hash without leading zeros: 14 digits happen.
  for (const name of ['treatment-guide-0123456789abcdef_bg.wasm', 'treatment-guide-1a36168c96f1bd_bg.wasm', 'treatment-guide-1a36168c96f1bd.js', 'treatment-guide-0123456789abcdef.js', 'content-reader-0123456789abcdef.wasm',
    'treatment-guide-fr-0123456789abcdef.json', 'page-0123456789abcdef.css']) {
    assert.match(name, pattern, name);
  }
  for (const name of ['treatment-guide.js', 'fallback.html', 'fallback-fr.html', 'embed-resize.js', 'sw.js', 'index.html', 'precache.json',
    'icon-maskable-512.png', 'check-engine.js']) {
    assert.doesNotMatch(name, pattern, name);
  }
});

test('gettext: the French .po as a .mo that reads back entry for entry, and as Jed JSON', () => {
  const po = readFileSync(join(ROOT, PLUGIN_SOURCE, 'languages/treatment-guide-fr_FR.po'), 'utf8');
  const entries = parsePo(po);
  assert.ok(entries.length > 20);
  const mo = new Map(readMo(moFile(entries)));
  for (const e of entries) {
    const key = e.context !== undefined ? `${e.context}\u0004${e.id}` : e.id;
    assert.equal(mo.get(key), e.str, `"${e.id}"`);
  }
  assert.equal(mo.get('block title\u0004Treatment guide'), 'Guide des traitements');
  assert.match(mo.get(''), /^Language: fr$/m);
  const keys = [...mo.keys()];
  assert.deepEqual(keys, [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))), 'sorted, as gettext reads them');
  const jed = JSON.parse(jedJson(entries));
  assert.deepEqual(jed.locale_data.messages.Language, ['Langue']);
  assert.equal(jed.locale_data.messages[''].lang, 'fr');

  assert.deepEqual(parsePo('msgid "a"\n"b\\n"\nmsgstr "c\\"d"\n'), [{ comments: [], id: 'ab\n', str: 'c"d' }]);
  assert.throws(() => parsePo('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n'), /twice/);
  assert.throws(() => parsePo('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n'), /plural/);
  // An untranslated entry is left out, so WordPress shows the English.
  assert.equal(new Map(readMo(moFile(parsePo('msgid "a"\nmsgstr ""\n')))).has('a'), false);
});
