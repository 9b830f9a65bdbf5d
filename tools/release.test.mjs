// Release tooling, without a build (`make test-tools`, part of `make test`):
// the version read from Cargo.toml, its way into the loader, the npm
// package's file list, and the archive's zip format and checksums. A fake
// dist/ stands in for the build; e2e/release.test.mjs does the same with
// the real one in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { version } from './version.mjs';
import { writeLoader } from './post-build.mjs';
import {
  DOCS, ROOT, STARTER_KIT, checksums, loaderVersion, manifest, npmPack, reviewStates, reviewWarning, stageNpm, unzip,
  verifyChecksums, walk, webStaffGuide, writeArchive, zip,
} from './release.mjs';

const temp = (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-release-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A made-up dist/: a loader, nested files and a dot file that must not ship. */
function fakeDist(dir) {
  const files = {
    'treatment-guide.js': 'console.log("loader")',
    'treatment-guide-0123456789abcdef.js': 'export default 1',
    'treatment-guide-0123456789abcdef_bg.wasm': Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]),
    'content-reader-0123456789abcdef.js': 'export default 1',
    'content-reader-0123456789abcdef.wasm': Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]),
    'index.html': '<!doctype html><title>x</title>'.repeat(50),
    'snippets/treatment-guide-1/inline0.js': 'export const a = 1;',
    'custom-elements.json': '{"schemaVersion":"1.0.0","modules":[]}',
    'treatment-guide.d.ts': 'export {};',
    '.DS_Store': 'junk',
  };
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** A Cargo project in `dir` with the manifest `toml` and an empty library; returns the manifest's path. */
function cargoProject(dir, toml) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/lib.rs'), '');
  writeFileSync(join(dir, 'Cargo.toml'), toml);
  return join(dir, 'Cargo.toml');
}

test('the version is the root package\'s, inherited from [workspace.package], as cargo reads it', (t) => {
  const inherited = '[workspace]\n\n[workspace.package]\nversion = "2.0.0-rc.1"\n\n'
    + '[package]\nname = "x"\nversion.workspace = true # the widget\nedition = "2021"\n\n[dependencies]\n';
  assert.equal(version(cargoProject(temp(t), inherited)), '2.0.0-rc.1');
  assert.equal(version(cargoProject(temp(t), '[package]\nname = "x"\nversion = "1.2.3"\nedition = "2021"\n')), '1.2.3');
  assert.throws(() => version(cargoProject(temp(t), '[package]\nname = "x"\nversion = "1.2"\n')), /Command failed/);
  assert.throws(() => version(cargoProject(temp(t), '[workspace]\nmembers = []\n')), /declares no package/);

  const pkgid = execFileSync('cargo', ['pkgid', '--offline', '--manifest-path', join(ROOT, 'Cargo.toml'), 'treatment-guide'], { encoding: 'utf8' });
  assert.equal(`${version()}\n`, pkgid.slice(pkgid.lastIndexOf('@') + 1));
});

test('post-build writes the version into the loader, as customElements.get(…).version', async (t) => {
  const dir = temp(t);
  writeFileSync(join(dir, 'treatment-guide-0123456789abcdef_bg.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dir, 'treatment-guide-0123456789abcdef.js'), 'let wasm;\nexport function start(instance) { wasm = instance.exports; }\nexport default function init() {}\n');
  writeFileSync(join(dir, 'content-reader-0123456789abcdef.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dir, 'content-reader-0123456789abcdef.js'), 'export default function init() {}\n');
  const rendered = { guide: '<p>guide</p>', fallback: '<p>plain</p>', css: 'p{}', manifest: { element: 'treatment-guide', attributes: [], properties: [], methods: [], versionField: 'version', events: {}, languages: {} } };
  await writeLoader(dir, '7.8.9-beta.1', rendered);
  const loader = readFileSync(join(dir, 'treatment-guide.js'), 'utf8');
  assert.equal(loaderVersion(loader), '7.8.9-beta.1');
  assert.ok(loader.includes('treatment-guide-0123456789abcdef_bg.wasm'));

  await writeLoader(dir, undefined, rendered); // by default, the version of Cargo.toml
  assert.equal(loaderVersion(readFileSync(join(dir, 'treatment-guide.js'), 'utf8')), version());
});

/** The starter kit as it ships: the example content file, the schema and the editors' README. */
const KIT = ['starter-kit/content-example.json', 'starter-kit/content.schema.json', 'starter-kit/README.md'];

test('the starter kit is the example content file, its schema and the editors\' README, byte for byte', () => {
  assert.deepEqual(STARTER_KIT.map((f) => f.to).sort(), [...KIT].sort());
  for (const { from } of STARTER_KIT) assert.ok(readFileSync(join(ROOT, from)).length > 0, `${from} exists`);
  const example = JSON.parse(readFileSync(join(ROOT, 'docs/content-example.json'), 'utf8'));
  assert.ok(example.sections.length > 0 && example.drugs.length > 0, 'the example is a whole content file');
  const readme = readFileSync(join(ROOT, 'docs/editors/README.md'), 'utf8');
  for (const name of ['content-example.json', 'content.schema.json', 'check.html', 'content-src']) {
    assert.ok(readme.includes(name), `the editors' README names ${name}`);
  }
});

test('the npm package holds dist/, the starter kit, README, LICENSE and CHANGELOG, and nothing of the development set-up', (t) => {
  const dist = fakeDist(join(temp(t), 'dist'));
  const stage = join(temp(t), 'package');
  stageNpm({ dist, stage, version: '1.2.3' });
  const report = npmPack(stage, { dryRun: true });

  const expected = ['package.json', ...DOCS, ...KIT, ...walk(dist).map((f) => `dist/${f}`)].sort();
  assert.ok(!expected.includes('dist/.DS_Store') && expected.includes('dist/snippets/treatment-guide-1/inline0.js'));
  assert.deepEqual(report.files.map((f) => f.path).sort(), expected);
  assert.equal(report.name, 'treatment-guide');
  assert.equal(report.version, '1.2.3');

  const published = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  assert.deepEqual(published, manifest('1.2.3'));
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'scripts', 'private']) {
    assert.ok(!(field in published), `no ${field} in the published package.json`);
  }
  for (const entry of [published.unpkg, published.jsdelivr, published.exports['.'].default, published.exports['.'].types, published.customElements, published.types]) {
    assert.ok(expected.includes(entry.replace(/^\.\//, '')), `${entry} is in the package`);
  }
  assert.equal(published.unpkg, 'dist/treatment-guide.js');
  assert.deepEqual(published.files, ['dist/', 'starter-kit/', 'README.md', 'LICENSE', 'CHANGELOG.md']);
  assert.deepEqual(readFileSync(join(stage, 'starter-kit/content-example.json')), readFileSync(join(ROOT, 'docs/content-example.json')));
});

test('zip: what is written reads back; other zip readers accept it', (t) => {
  const entries = [
    { name: 'a/empty.txt', data: Buffer.alloc(0) },
    { name: 'a/text.txt', data: Buffer.from('hello '.repeat(1000)) },
    { name: 'a/b/random.bin', data: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)) },
    { name: 'a/é.txt', data: Buffer.from('accents in a name') },
  ];
  const bytes = zip(entries, new Date(2026, 10, 26, 12, 30, 10));
  assert.deepEqual(unzip(bytes).map((e) => [e.name, e.data.toString('hex')]), entries.map((e) => [e.name, e.data.toString('hex')]));
  assert.ok(bytes.length < 6000 + 5000, 'text is deflated');
  assert.throws(() => zip([...entries, entries[1]]), /a\/text\.txt is twice in the archive/);

  const dir = temp(t);
  const file = join(dir, 'x.zip');
  writeFileSync(file, bytes);
  const broken = Buffer.from(bytes);
  broken[30 + 11 + 30 + 10 + 2] ^= 0xff; // inside the deflated body of a/text.txt
  writeFileSync(join(dir, 'broken.zip'), broken);
  const tools = [
    ['unzip', (zipFile) => ['-tq', zipFile]],
    ['python3', (zipFile) => ['-m', 'zipfile', '-t', zipFile]],
  ];
  for (const [tool, args] of tools) {
    try {
      execFileSync(tool, args(file), { stdio: 'pipe' }); // throws if the tool finds the file bad
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      t.diagnostic(`${tool} is not installed: not checked with it`);
      continue;
    }
    assert.throws(() => execFileSync(tool, args(join(dir, 'broken.zip')), { stdio: 'pipe' }), `${tool} finds a changed byte`);
  }
  // What other zip readers see: UTF-8 names, the date, rw-r--r-- files (zipinfo lists them where it is installed).
  try {
    const listing = execFileSync('zipinfo', [file], { encoding: 'utf8' });
    assert.match(listing, /^-rw-r--r--.* 26-Nov-26 12:30 a\/é\.txt$/m);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    t.diagnostic('zipinfo is not installed: the attributes are not checked');
  }
});

test('the archive: one folder with dist/, README.txt, LICENSE, CHANGELOG.md, the starter kit and SHA256SUMS that verify', (t) => {
  const dist = fakeDist(join(temp(t), 'dist'));
  const out = temp(t);
  const { file, entries } = writeArchive({ dist, out, version: '1.2.3' });
  assert.equal(file, join(out, 'treatment-guide-1.2.3.zip'));

  const read = unzip(readFileSync(file));
  assert.deepEqual(read.map((e) => e.name), entries.map((e) => e.name));
  const names = read.map((e) => e.name.replace(/^treatment-guide-1\.2\.3\//, ''));
  assert.ok(read.every((e) => e.name.startsWith('treatment-guide-1.2.3/')));
  assert.deepEqual(names.sort(), [
    'CHANGELOG.md', 'LICENSE', 'README.txt', 'SHA256SUMS', ...KIT, ...walk(dist).map((f) => `dist/${f}`),
  ].sort());

  // The checksums verify, here and with sha256sum -c, and name a changed file.
  const files = new Map(read.map((e) => [e.name.replace(/^[^/]+\//, ''), e.data]));
  const sums = files.get('SHA256SUMS').toString();
  assert.equal(sums.trim().split('\n').length, files.size - 1);
  assert.deepEqual(verifyChecksums(sums, files), []);
  const folder = join(out, 'unpacked');
  for (const { name, data } of read) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), data);
  }
  execFileSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: join(folder, 'treatment-guide-1.2.3') });
  writeFileSync(join(folder, 'treatment-guide-1.2.3/dist/index.html'), 'changed');
  assert.throws(() => execFileSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], {
    cwd: join(folder, 'treatment-guide-1.2.3'), stdio: 'pipe',
  }));
  files.set('dist/index.html', Buffer.from('changed'));
  assert.deepEqual(verifyChecksums(sums, files), ['dist/index.html']);
  assert.equal(checksums([{ name: 'x', data: Buffer.from('') }]),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  x\n');

  // The guide for web staff carries this version and the loader's hash.
  const guide = files.get('README.txt').toString();
  assert.equal(guide, webStaffGuide('1.2.3', guide.match(/integrity="(sha384-[^"]+)"/)[1]));
  assert.match(guide, /cdn\.jsdelivr\.net\/npm\/treatment-guide@1\.2\.3\/dist\/treatment-guide\.js/);
});

/** A prerendered plain guide (one section, as the WordPress plugin's pack step reads them) whose footer has the review state `state`. */
const fallback = (lang, state) => `<div class="tg-root" lang="${lang}"><section data-tg-section="chemotherapy">`
  + '<h2 class="tg-heading">Chemotherapy</h2></section>'
  + `<footer class="tg-footer"><p data-review="${state}" class="tg-footer-review">…</p></footer></div>`;

test('make release warns, and goes on, when it ships text that is not medically reviewed as it stands', async (t) => {
  const dist = fakeDist(join(temp(t), 'dist'));
  writeFileSync(join(dist, 'fallback.html'), fallback('en', 'none'));
  writeFileSync(join(dist, 'fallback-fr.html'), fallback('fr', 'changed'));
  assert.deepEqual(reviewStates(dist), [{ lang: 'en', state: 'none' }, { lang: 'fr', state: 'changed' }]);
  const warning = reviewWarning(reviewStates(dist));
  assert.match(warning, /WARNING: this release ships text that is not medically reviewed/);
  assert.match(warning, /en: the text has not had a medical review/);
  assert.match(warning, /fr: the text has changed since its last medical review/);
  assert.match(warning, /content-check --sign-review/);

  writeFileSync(join(dist, 'fallback.html'), fallback('en', 'reviewed'));
  assert.match(reviewWarning(reviewStates(dist)), /fr: the text has changed/);
  assert.doesNotMatch(reviewWarning(reviewStates(dist)), /en: /);
  writeFileSync(join(dist, 'fallback-fr.html'), fallback('fr', 'reviewed'));
  assert.equal(reviewWarning(reviewStates(dist)), null, 'no warning when every text is the one reviewed');

  // The command itself prints it and does not fail.
  writeFileSync(join(dist, 'fallback-fr.html'), fallback('fr', 'none'));
  writeFileSync(join(dist, 'treatment-guide-0123456789abcdef.js'), 'let wasm;\nexport function start(instance) { wasm = instance.exports; }\nexport default function init() {}\n');
  const rendered = { guide: '<p>guide</p>', fallback: '<p>plain</p>', css: 'p{}', manifest: { element: 'treatment-guide', attributes: [], properties: [], methods: [], versionField: 'version', events: {}, languages: {} } };
  await writeLoader(dist, undefined, rendered);
  const out = join(temp(t), 'release');
  const run = spawnSync(process.execPath, [join(ROOT, 'tools/release.mjs'), dist, out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /WARNING: this release ships text that is not medically reviewed[^]*fr: the text has not had a medical review/);
  assert.match(run.stdout, /Snippet for host pages/);
});
