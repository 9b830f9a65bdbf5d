// End-to-end: the built dist/ as web staff get it. The npm package
// (`npm pack` of the release script's staged folder) is unpacked and served
// the way a CDN serves npm packages, under /npm/treatment-guide@X.Y.Z/ with
// `Access-Control-Allow-Origin: *`, on another origin than the host page
// and on the same one; the host page pins the loader with integrity and
// crossorigin. The release archive, written from dist/ by the release
// script's own function, has checksums that verify.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setUp, openPage, widgetReady, screenshot, DIST, SECTION_IDS } from './helpers.mjs';
import { startServer } from '../tools/static-server.mjs';
import { sri } from '../tools/sri.mjs';
import { version as cargoVersion } from '../tools/version.mjs';
import { DOCS, STARTER_KIT, npmPack, stageNpm, unzip, verifyChecksums, walk, writeArchive } from '../tools/release.mjs';

const VERSION = cargoVersion();
const PREFIX = `/npm/treatment-guide@${VERSION}/`;
const LOADER = `${PREFIX}dist/treatment-guide.js`;

/** Host pages by path, on the host server and the same-origin server. */
const routes = {};
let work;
let pack;
let cdn;
let sameOrigin;
let host;
/** The browser only: this file serves the npm package, not dist/. */
const env = setUp(null);
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'tg-release-e2e-'));
  const stage = stageNpm({ dist: DIST, stage: join(work, 'stage'), version: VERSION });
  pack = npmPack(stage, { destination: work });
  execFileSync('tar', ['-xzf', join(work, pack.filename), '-C', work]); // into work/package/
  const cors = { 'Access-Control-Allow-Origin': '*' };
  cdn = await startServer({ root: join(work, 'package'), prefix: PREFIX, headers: cors });
  sameOrigin = await startServer({ root: join(work, 'package'), prefix: PREFIX, routes });
  // The host page lives on its own origin (another port), and on the same-origin server.
  host = await startServer({ root: work, prefix: '/nothing-here/', routes });
});
after(async () => {
  await Promise.all([cdn?.close(), sameOrigin?.close(), host?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A host page that loads the loader from `src` with `integrity`. */
function hostPage(src, integrity) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A charity page using the CDN</title>
<link rel="icon" href="data:,">
<script src="${src}" integrity="${integrity}" crossorigin="anonymous" defer></script>
</head>
<body><main><h1>Treatments</h1><treatment-guide></treatment-guide></main></body>
</html>`;
}

test('npm pack of the built dist/ lists exactly dist/, the starter kit, README.md, LICENSE, CHANGELOG.md and package.json', () => {
  const expected = ['package.json', ...DOCS, ...STARTER_KIT.map((f) => f.to), ...walk(DIST).map((f) => `dist/${f}`)].sort();
  assert.ok(expected.includes('dist/treatment-guide.js') && expected.includes('dist/index.html'), 'dist/ is built (run make build)');
  assert.deepEqual(pack.files.map((f) => f.path).sort(), expected);
  assert.equal(pack.filename, `treatment-guide-${VERSION}.tgz`);
  const unpacked = walk(join(work, 'package'));
  assert.deepEqual(unpacked, expected, 'the tarball holds the same files under package/');
  const manifest = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8'));
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.jsdelivr, 'dist/treatment-guide.js');
  assert.ok(!('devDependencies' in manifest) && !('dependencies' in manifest));
});

for (const [where, server] of [['another origin (as from a CDN)', () => cdn], ['the same origin', () => sameOrigin]]) {
  test(`the unpacked package served from ${where} under ${PREFIX} loads with SRI and reports its version`, async () => {
    const files = server();
    const integrity = sri(join(work, 'package/dist/treatment-guide.js'));
    assert.equal(integrity, sri(join(DIST, 'treatment-guide.js')), 'the package ships the built loader unchanged');
    const src = new URL(LOADER, files.url).href;
    const path = `/host-${files === cdn ? 'cdn' : 'same'}.html`;
    const pageServer = files === cdn ? host : sameOrigin;
    routes[path] = { body: hostPage(src, integrity) };
    const before = files.requests.length;

    const { page, problems, requests } = await openPage(env.browser, new URL(path, pageServer.url).href);
    await widgetReady(page);
    const ids = await page.locator('treatment-guide [data-tg-section]').evaluateAll((els) => els.map((e) => e.dataset.tgSection));
    assert.deepEqual(ids, SECTION_IDS);
    assert.equal(await page.evaluate(() => customElements.get('treatment-guide').version), VERSION);
    assert.match(await page.locator('treatment-guide .tg-footer').innerText(), new RegExp(`treatment-guide ${VERSION.replace(/\./g, '\\.')}$`));
    // The lookup works: the wasm and its glue came from the package's folder.
    await page.locator('treatment-guide [role="combobox"]').pressSequentially('ara c');
    await page.locator('treatment-guide [role="option"]').first().waitFor();
    assert.match(await page.locator('treatment-guide [role="option"]').first().innerText(), /^cytarabine/i);
    const widgetFiles = requests.filter((url) => !url.endsWith(path) && !url.startsWith('data:'));
    assert.ok(widgetFiles.length >= 3, `loader, glue and wasm: ${widgetFiles.join(', ')}`);
    for (const url of widgetFiles) assert.ok(url.startsWith(new URL(`${PREFIX}dist/`, files.url).href), `fetched from the package: ${url}`);
    assert.ok(files.requests.slice(before).some((p) => p.endsWith('_bg.wasm')));
    assert.deepEqual(problems, []);
    await screenshot(page, `release-${files === cdn ? 'cdn' : 'same-origin'}`);
  });
}

test('a wrong integrity value blocks the package loader', async () => {
  const src = new URL(LOADER, cdn.url).href;
  routes['/host-wrong.html'] = { body: hostPage(src, `sha384-${'A'.repeat(64)}`) };
  const { page, problems } = await openPage(env.browser, new URL('/host-wrong.html', host.url).href);
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => customElements.get('treatment-guide')), undefined);
  assert.ok(problems.some((p) => /integrity/i.test(p)), `the browser refused it: ${JSON.stringify(problems)}`);
});

test('the release archive of the built dist/ has checksums that verify, with sha256sum too', () => {
  const out = join(work, 'archive');
  const { file, entries } = writeArchive({ dist: DIST, out, version: VERSION });
  assert.equal(file, join(out, `treatment-guide-${VERSION}.zip`));
  const read = unzip(readFileSync(file));
  const folder = `treatment-guide-${VERSION}/`;
  assert.deepEqual(read.map((e) => e.name), entries.map((e) => e.name));
  const files = new Map(read.map((e) => [e.name.slice(folder.length), e.data]));
  assert.deepEqual([...files.keys()].sort(), [
    'CHANGELOG.md', 'LICENSE', 'README.txt', 'SHA256SUMS', ...STARTER_KIT.map((f) => f.to), ...walk(DIST).map((f) => `dist/${f}`),
  ].sort());
  const sums = files.get('SHA256SUMS').toString();
  assert.deepEqual(verifyChecksums(sums, files), []);
  for (const { name, data } of read) {
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), data);
  }
  execFileSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: join(out, folder) });
  const guide = files.get('README.txt').toString();
  assert.ok(guide.includes(`integrity="${sri(join(DIST, 'treatment-guide.js'))}"`), 'the guide carries the loader\'s SRI hash');
  assert.ok(guide.includes(`https://cdn.jsdelivr.net/npm/treatment-guide@${VERSION}/dist/treatment-guide.js`));
});
