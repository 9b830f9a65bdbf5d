// End-to-end: the standalone page's service worker (dist/sw.js, written by
// tools/post-build.mjs from pwa/sw.js). After one visit the page works with the
// network off; a new build replaces the old one cleanly (new cache, old cache
// deleted, never the glue of one build with the wasm of another); the embed
// loader registers no worker; the page is installable (manifest, icons).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/static-server.mjs';
import { launchPersistent } from '../tools/browser.mjs';
import { DIST, setUp, serveDist, openPage, widgetReady, screenshot } from './helpers.mjs';

const POST_BUILD = fileURLToPath(new URL('../tools/post-build.mjs', import.meta.url));
const TIMEOUT = { timeout: 90_000 };

/** Each test serves the build it needs, and stops it. */
const env = setUp(null);
let temp;
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'tg-offline-'));
});
after(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

const precache = (dir) => JSON.parse(readFileSync(join(dir, 'precache.json'), 'utf8'));
const shadow = (page) => page.locator('treatment-guide');

/** Resolves once a service worker is active and controls the page (reloading once if it does not yet). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const claimed = () => page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 3_000, polling: 100 })
    .then(() => true, () => false);
  if (!(await claimed())) {
    await page.reload();
    assert.ok(await claimed(), 'the service worker controls the page after a reload');
  }
}

/** The names of this origin's caches, and the URLs each holds. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const result = {};
    for (const name of await caches.keys()) {
      result[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
    }
    return result;
  });
}

/** Polls `predicate` (may be async) in the page every 100 ms until it holds. */
async function until(page, predicate, arg, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(predicate, arg))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Waits until the only cache is the one of `version` and an activated worker controls the page. */
function onlyCache(page, version) {
  return until(page, async (v) => {
    const names = await caches.keys();
    return names.length === 1 && names[0].endsWith(`:${v}`) && navigator.serviceWorker.controller?.state === 'activated';
  }, version, `the cache of version ${version} alone`);
}

/** The glue script and wasm URLs this document loaded (from Resource Timing, whoever answered). */
function loadedPair(page) {
  return page.evaluate(() => {
    const names = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop());
    return {
      glue: names.filter((n) => /^treatment-guide-[0-9a-f]+\.js$/.test(n)),
      wasm: names.filter((n) => /^treatment-guide-[0-9a-f]+_bg\.wasm$/.test(n)),
    };
  });
}

/** One glue and one wasm, of the same build (same stem). */
function assertSameBuild(pair, label) {
  assert.equal(pair.glue.length, 1, `${label}: one glue script (${pair.glue})`);
  assert.equal(pair.wasm.length, 1, `${label}: one wasm (${pair.wasm})`);
  assert.equal(pair.wasm[0].replace(/_bg\.wasm$/, ''), pair.glue[0].replace(/\.js$/, ''), `${label}: glue and wasm of one build`);
}

/** Open a section, then look up "Adriamycin" and open its drug card with Enter. */
async function useWidget(page) {
  const sections = shadow(page).locator('[data-tg-section]');
  assert.equal(await sections.count(), 9);
  const chemo = shadow(page).locator('[data-tg-section="chemotherapy"] .tg-heading > button');
  await chemo.click();
  assert.equal(await chemo.getAttribute('aria-expanded'), 'true');
  const panel = shadow(page).locator(`#${await chemo.getAttribute('aria-controls')}`);
  assert.ok(await panel.isVisible(), 'the opened section shows its panel');

  const input = page.locator('treatment-guide input[role=combobox]');
  await input.fill('Adriamycin');
  const first = shadow(page).locator('[role=option]').first();
  await first.waitFor();
  assert.match(await first.innerText(), /^doxorubicin/i);
  await input.press('Enter');
  const title = shadow(page).locator('.tg-card-title');
  await title.waitFor();
  assert.equal((await title.innerText()).trim().toLowerCase(), 'doxorubicin');
}

test('precache.json and sw.js list every file of dist/ with its hash', () => {
  const build = precache(DIST);
  // (Trunk's .stage folder is there while a build runs.)
  const onDisk = readdirSync(DIST).filter((f) => !f.startsWith('.') && !['sw.js', 'precache.json'].includes(f)).sort();
  assert.deepEqual(build.files.map((f) => f.url).sort(), onDisk);
  for (const file of build.files) {
    const bytes = readFileSync(join(DIST, file.url));
    assert.equal(file.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, `${file.url} hash`);
  }
  const loader = readFileSync(join(DIST, 'treatment-guide.js'), 'utf8');
  const embed = build.files.filter((f) => f.embed).map((f) => f.url);
  const languages = embed.filter((u) => /^treatment-guide-[a-z]{2}-[0-9a-f]{16}\.json$/.test(u));
  assert.equal(languages.length, 1, `one file for French: ${embed}`);
  const reader = embed.filter((u) => /^content-reader-[0-9a-f]{16}\.(js|wasm)$/.test(u));
  assert.equal(reader.length, 2, `the content reader's glue and wasm: ${embed}`);
  const listen = embed.filter((u) => /^listen-[0-9a-f]{16}\.js$/.test(u));
  assert.equal(listen.length, 1, `the read-aloud module: ${embed}`);
  const contrast = embed.filter((u) => /^contrast-[0-9a-f]{16}\.js$/.test(u));
  assert.equal(contrast.length, 1, `the contrast lint: ${embed}`);
  const warm = embed.filter((u) => /^warm-[0-9a-f]{16}\.js$/.test(u));
  assert.equal(warm.length, 1, `the warm-up worker: ${embed}`);
  assert.equal(embed.length - languages.length - reader.length - listen.length - contrast.length - warm.length, 3,
    `the embed is the loader, the glue, the wasm, the content reader, the read-aloud module, the contrast lint, the warm-up worker and the language files: ${embed}`);
  for (const url of embed.filter((u) => u !== 'treatment-guide.js')) assert.ok(loader.includes(url), `the loader names ${url}`);
  for (const url of ['index.html', 'treatment-guide.js', 'register-sw.js', 'manifest.webmanifest', 'icon.svg', 'icon-maskable.svg']) {
    assert.ok(onDisk.includes(url), `dist/ holds ${url}`);
  }
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.ok(sw.includes(JSON.stringify(build.version)), 'sw.js carries the version of precache.json');
  assert.ok(!sw.includes('__TG_'), 'no placeholder left in sw.js');
});

test('after one visit the page works offline: sections, lookup, drug card', TIMEOUT, async () => {
  const server = await serveDist();
  const build = precache(DIST);
  const { ctx, page, problems } = await openPage(env.browser, server.url);
  let closed = false;
  try {
    await widgetReady(page);
    await controlled(page);
    await onlyCache(page, build.version);
    const cached = Object.values(await cacheContents(page))[0];
    assert.deepEqual(cached, build.files.map((f) => new URL(f.url, server.url).href).sort(), 'every listed file is cached');

    await server.close();
    closed = true;
    await ctx.setOffline(true);
    const seen = server.requests.length;
    await page.reload();
    await widgetReady(page);
    assert.equal(await page.title(), 'Treatments for relapsed or refractory ALL');
    assertSameBuild(await loadedPair(page), 'offline');
    await useWidget(page);
    await screenshot(page, 'offline');
    assert.equal(server.requests.length, seen, 'nothing reached the server');
    assert.deepEqual(problems, []);

    // A fresh tab, still offline, also opens the page.
    const second = await ctx.newPage();
    await second.goto(server.url);
    await widgetReady(second);
    await useWidget(second);
  } finally {
    await ctx.close();
    if (!closed) await server.close();
  }
});

/** Copies dist/ to `a`, and makes `b`: the same build renamed as a new one (new glue and wasm names, new title). */
function twoBuilds() {
  const a = join(temp, 'a');
  const b = join(temp, 'b');
  const copy = { recursive: true, filter: (src) => !src.includes('/.stage') };
  cpSync(DIST, a, copy);
  cpSync(DIST, b, copy);
  const wasm = readdirSync(b).find((f) => f.endsWith('_bg.wasm'));
  const stem = wasm.replace(/_bg\.wasm$/, '');
  const hash = stem.match(/-([0-9a-f]+)$/)[1];
  const newHash = createHash('sha256').update(`next:${hash}`).digest('hex').slice(0, hash.length);
  const newStem = stem.replace(hash, newHash);
  renameSync(join(b, `${stem}_bg.wasm`), join(b, `${newStem}_bg.wasm`));
  renameSync(join(b, `${stem}.js`), join(b, `${newStem}.js`));
  const loaderPath = join(b, 'treatment-guide.js');
  const loader = readFileSync(loaderPath, 'utf8');
  assert.equal(loader.split(stem).length - 1, 2, 'the loader names the glue and the wasm once each');
  writeFileSync(loaderPath, loader.replaceAll(stem, newStem));
  const indexPath = join(b, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  writeFileSync(indexPath, index.replace('<title>Treatments for relapsed or refractory ALL</title>', '<title>Treatments for relapsed or refractory ALL (B)</title>'));
  assert.ok(readFileSync(indexPath, 'utf8').includes('(B)</title>'));
  execFileSync(process.execPath, [POST_BUILD, '--precache-only', b], { stdio: 'pipe' });
  return { a, b, oldStem: stem, newStem };
}

test('a new build replaces the old one: new cache, old cache deleted, never mixed files', TIMEOUT, async () => {
  const { a, b, oldStem, newStem } = twoBuilds();
  const [va, vb] = [precache(a).version, precache(b).version];
  assert.notEqual(va, vb, 'the second build has a new version');
  assert.ok(precache(b).files.some((f) => f.url === `${newStem}_bg.wasm`));

  let server = await startServer({ root: a });
  const port = Number(new URL(server.url).port);
  const { ctx, page, problems } = await openPage(env.browser, server.url);
  try {
    await widgetReady(page);
    await controlled(page);
    await onlyCache(page, va);
    assert.deepEqual(await loadedPair(page), { glue: [`${oldStem}.js`], wasm: [`${oldStem}_bg.wasm`] });
    await page.close();

    // Deploy B at the same origin.
    await server.close();
    server = await startServer({ root: b, port });
    assert.equal(server.url, new URL(`http://127.0.0.1:${port}/`).href);

    // This visit is still answered by A's worker, complete and consistent; the browser finds the new sw.js.
    const visit = await ctx.newPage();
    visit.on('pageerror', (e) => problems.push(String(e)));
    visit.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await visit.goto(server.url);
    await widgetReady(visit);
    const during = await loadedPair(visit);
    assertSameBuild(during, 'visit during the update');
    await onlyCache(visit, vb);
    assert.ok(server.requests.includes(`/${newStem}_bg.wasm`), 'the new worker downloaded the new wasm');
    assert.ok(!server.requests.includes(`/${oldStem}_bg.wasm`), 'nothing asked server B for the old wasm');

    await visit.reload();
    await widgetReady(visit);
    assert.equal(await visit.title(), 'Treatments for relapsed or refractory ALL (B)', 'the new index.html is served');
    const now = await loadedPair(visit);
    assert.deepEqual(now, { glue: [`${newStem}.js`], wasm: [`${newStem}_bg.wasm`] }, 'the page runs the new glue and wasm');
    await useWidget(visit);
    const names = Object.keys(await cacheContents(visit));
    assert.equal(names.length, 1);
    assert.ok(names[0].endsWith(`:${vb}`), `only the new cache is left: ${names}`);

    // Offline now, the new build is what the cache holds.
    await server.close();
    server = null;
    await ctx.setOffline(true);
    await visit.reload();
    await widgetReady(visit);
    assert.deepEqual(await loadedPair(visit), { glue: [`${newStem}.js`], wasm: [`${newStem}_bg.wasm`] });
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    await server?.close();
  }
});

test('the embed loader registers no service worker on a host page', TIMEOUT, async () => {
  const host = '<!doctype html><html lang="en"><title>host</title><link rel="icon" href="data:,"><script src="treatment-guide.js" defer></script><treatment-guide></treatment-guide></html>';
  const server = await serveDist({ routes: { '/host.html': { body: host } } });
  const { ctx, page, problems } = await openPage(env.browser, `${server.url}host.html`);
  try {
    await widgetReady(page);
    await page.waitForLoadState('load');
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.ok(!server.requests.some((p) => /sw\.js$|precache\.json$/.test(p)), `no worker files requested: ${server.requests}`);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    await server.close();
  }
});

test('the page is installable: manifest without errors, icons including a maskable one', TIMEOUT, async () => {
  const server = await serveDist({ routes: { '/plain.html': { body: '<!doctype html><html lang="en"><title>plain</title><link rel="icon" href="data:,"><p>no manifest</p></html>' } } });
  // A profile on disk: Chromium calls every in-memory (incognito-like) context not installable.
  const ctx = await launchPersistent(join(temp, 'profile'));
  try {
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    const cdp = await ctx.newCDPSession(page);
    const installability = async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);

    await page.goto(`${server.url}plain.html`);
    assert.ok((await installability()).length > 0, 'control: a page without a manifest is not installable');

    await page.goto(server.url);
    await widgetReady(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.display, 'standalone');
    assert.equal(parsed.start_url, '.');
    assert.equal(parsed.theme_color, '#0b5c8a');
    assert.equal(parsed.background_color, '#eef2f5');
    assert.ok(parsed.icons.some((i) => i.purpose === 'maskable'));
    for (const icon of parsed.icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(response.status(), 200, icon.src);
      assert.equal(response.headers()['content-type'], icon.type, icon.src);
    }
    await controlled(page);
    assert.deepEqual(await installability(), []);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    await server.close();
  }
});

const HOST_PAGES = `
self.addEventListener('install', (event) => event.waitUntil(caches.open('host').then((c) => c.addAll(['/', '/register.js']))));
self.addEventListener('fetch', (event) => {
  const path = new URL(event.request.url).pathname;
  if (path === '/' || path === '/register.js') event.respondWith(caches.match(path).then((hit) => hit || fetch(event.request)));
});`;

test('the recipe of pwa/OFFLINE.md keeps the embed working offline on a host site', TIMEOUT, async () => {
  const doc = readFileSync(new URL('../pwa/OFFLINE.md', import.meta.url), 'utf8');
  const recipe = doc.match(/```js\n([\s\S]*?)```/)[1];
  assert.ok(recipe.includes("'/guide/'"), 'the recipe sets GUIDE');
  const js = 'text/javascript; charset=utf-8';
  const routes = {
    '/': { body: '<!doctype html><html lang="en"><title>host</title><link rel="icon" href="data:,"><script src="/register.js" defer></script><script src="/guide/treatment-guide.js" defer></script><main><treatment-guide></treatment-guide></main></html>' },
    '/register.js': { body: "navigator.serviceWorker.register('/host-sw.js');", type: js },
    // The host's own pages are the host's business: here, a minimal cache for them, then the recipe.
    '/host-sw.js': { body: `${HOST_PAGES}\n${recipe}`, type: js },
  };
  const server = await serveDist({ prefix: '/guide/', routes });
  const origin = server.url.replace(/guide\/$/, '');
  const { ctx, page, problems } = await openPage(env.browser, origin);
  let closed = false;
  try {
    await widgetReady(page);
    await controlled(page);
    const embedFiles = precache(DIST).files.filter((f) => f.embed).length;
    await until(page, async (n) => (await (await caches.open('treatment-guide-embed')).keys()).length === n, embedFiles, 'every embed file cached');
    await server.close();
    closed = true;
    await ctx.setOffline(true);
    await page.reload();
    await widgetReady(page);
    assertSameBuild(await loadedPair(page), 'host site offline');
    await useWidget(page);
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    if (!closed) await server.close();
  }
});
