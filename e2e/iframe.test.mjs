// End-to-end: the iframe page (dist/embed.html) for hosts that allow no
// script. Loaded in an iframe on another origin, it takes lang, open and
// heading-level from its address, resizes to its content through the
// README's few host lines, and ignores a content file address in the query
// string (no request to the address, none of its text shown).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, serveDist, openPage, widgetReady, axeViolations, screenshot } from './helpers.mjs';
import { startServer } from '../tools/static-server.mjs';

/** The `type` of the height messages (iframe/embed.js). */
const HEIGHT_MESSAGE = 'treatment-guide:height';
/** The README's host lines that resize the iframe (the html block that names the message type). */
const HOST_SNIPPET = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  .match(/```html\n([^`]*treatment-guide:height[^`]*)```/)[1];
/** What an attacker's file would say, if it were ever loaded. */
const HOSTILE_TEXT = 'Stop all treatment and buy our cure';

let browser;
let dist;
let host;
let hostile;
const hostRoutes = { '/favicon.ico': { status: 204, body: '', type: 'image/x-icon' } };

before(async () => {
  browser = await launch();
  dist = await serveDist();
  const content = JSON.parse(readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8'));
  content.sections[0].title = HOSTILE_TEXT;
  hostile = await startServer({
    root: new URL('./', import.meta.url).pathname,
    routes: { '/evil.json': { body: JSON.stringify(content), type: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' } } },
  });
  // Another origin for the host page: a second server on another port.
  host = await startServer({ root: new URL('./', import.meta.url).pathname, routes: hostRoutes });
});
after(async () => {
  await browser?.close();
  await Promise.all([dist, host, hostile].map((s) => s?.close()));
});

/** The embed page's address with the query; the README's snippet, pointed at it, in a host page. */
function hostPage(path, query) {
  const src = `${new URL('embed.html', dist.url).href}?${query}`;
  const snippet = HOST_SNIPPET.replace(/https:\/\/your\.site\/path\/to\/dist\/embed\.html\?[^"]*/, src)
    .replaceAll('https://your.site', new URL(dist.url).origin);
  hostRoutes[path] = {
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head>
<body><main><h1>Une page d'association</h1>${snippet}<p id="after">Après le guide.</p></main></body></html>`,
  };
  return new URL(path, host.url).href;
}

test('in an iframe on another origin: French, a section open, resized to its content, a hostile content address ignored', async () => {
  const evil = new URL('evil.json', hostile.url).href;
  const query = new URLSearchParams({
    lang: 'fr', open: 'chemotherapy', 'heading-level': '3', 'content-src': evil, contentSrc: evil, content_src: evil,
  }).toString();
  const url = hostPage('/host.html', query);
  assert.notEqual(new URL(url).origin, new URL(dist.url).origin, 'the host is another origin');
  const { ctx, page, problems, requests } = await openPage(browser, url, { viewport: { width: 900, height: 700 } });
  const frameElement = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await frame.locator('treatment-guide .tg-mount[data-tg-live] button[aria-expanded]').first().waitFor();

  // French, with the chemotherapy section open, headings at level 3.
  assert.equal(await frame.locator('treatment-guide .tg-root').getAttribute('lang'), 'fr');
  const chemo = frame.locator('treatment-guide [data-tg-section="chemotherapy"] .tg-heading > button');
  assert.equal(await chemo.getAttribute('aria-expanded'), 'true');
  assert.match(await chemo.innerText(), /Chimiothérapie/);
  assert.equal(await frame.locator('treatment-guide h3.tg-heading').count() > 0, true, 'heading-level=3');

  // The content address was ignored: no attribute, no request, none of its text.
  assert.equal(await frame.locator('treatment-guide').getAttribute('content-src'), null);
  assert.equal(hostile.requests.length, 0, `nothing was asked of the hostile server: ${hostile.requests}`);
  assert.deepEqual(requests.filter((u) => u.includes(new URL(hostile.url).host)), []);
  assert.equal(await frame.locator(`text=${HOSTILE_TEXT}`).count(), 0);

  // The iframe takes its content's height, and follows it when a section opens.
  const fits = async () => {
    const inner = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    const outer = (await frameElement.boundingBox()).height;
    return { inner, outer };
  };
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
  let size = await fits();
  assert.ok(Math.abs(size.inner - size.outer) <= 2, `the iframe fits its content: ${JSON.stringify(size)}`);
  const before = size.outer;
  await frame.locator('treatment-guide [data-tg-section="immunotherapy"] .tg-heading > button').click();
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 50, before);
  size = await fits();
  assert.ok(Math.abs(size.inner - size.outer) <= 2, `and after a section opened: ${JSON.stringify(size)}`);
  const scrolls = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight + 2);
  assert.equal(scrolls, false, 'no scroll bar inside the iframe');
  await screenshot(page, 'iframe-fr');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the height messages have their own type, and the host lines ignore other messages', async () => {
  const url = hostPage('/messages.html', 'lang=en');
  const { ctx, page } = await openPage(browser, url);
  await page.frameLocator('iframe').locator('treatment-guide .tg-mount[data-tg-live]').waitFor();
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
  const height = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  // A message from the host page itself (not the iframe), or of another type, changes nothing.
  await page.evaluate((type) => window.postMessage({ type, height: 5 }, '*'), HEIGHT_MESSAGE);
  const inner = page.frames().find((f) => f.url().includes('embed.html'));
  await inner.evaluate(() => window.parent.postMessage({ type: 'other', height: 5 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height), height);
  await ctx.close();
});

test('embed.html on its own: the widget only, under its CSP, axe-clean, offline-ready', async () => {
  const { ctx, page, problems, requests } = await openPage(browser, new URL('embed.html?lang=en&open=all', dist.url).href);
  await widgetReady(page);
  assert.equal(await page.locator('body > main > treatment-guide').count(), 1);
  assert.equal(await page.locator('body > *').count(), 1, 'nothing but the widget');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  assert.deepEqual(requests.filter((u) => !u.startsWith(dist.url)), [], 'nothing from elsewhere');
  // axe-core is injected as an inline script, which the page's own policy rightly refuses.
  const audit = await openPage(browser, new URL('embed.html?lang=fr&open=all', dist.url).href, { bypassCSP: true });
  await widgetReady(audit.page);
  for (const colorScheme of ['light', 'dark']) {
    await audit.page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeViolations(audit.page), [], `${colorScheme} mode`);
  }
  await audit.ctx.close();
  const precache = JSON.parse(readFileSync(new URL('../dist/precache.json', import.meta.url), 'utf8'));
  for (const file of ['embed.html', 'embed.js', 'embed.css']) {
    assert.ok(precache.files.some((f) => f.url === file), `${file} is precached for offline use`);
  }
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('after one visit embed.html works offline', { timeout: 90_000 }, async () => {
  const local = await serveDist();
  const url = new URL('embed.html?lang=fr&open=chemotherapy', local.url).href;
  const { ctx, page, problems } = await openPage(browser, url);
  let closed = false;
  try {
    // The page registers the standalone page's service worker, which caches every file of dist/.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(async (href) => {
      const names = await caches.keys();
      return names.length === 1 && !!(await (await caches.open(names[0])).match(href, { ignoreSearch: true }));
    }, url, { polling: 200, timeout: 60_000 });
    await local.close();
    closed = true;
    await ctx.setOffline(true);
    await page.reload();
    await widgetReady(page);
    const chemo = page.locator('treatment-guide [data-tg-section="chemotherapy"] .tg-heading > button');
    assert.equal(await chemo.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('treatment-guide .tg-root').getAttribute('lang'), 'fr');
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    if (!closed) await local.close();
  }
});
