// End-to-end: the iframe page (dist/embed.html) for hosts that allow no
// script, and the README's iframe snippets. On a host page of another origin
// under a strict Content Security Policy (no inline script or style), the
// script snippet (dist/embed-resize.js, the site's address written once)
// puts the iframe on the page, centred, without a border, with lang, open and
// heading-level from its data attributes, and resizes it to its content; the
// no-script snippet shows the guide at a fixed height. The page ignores a
// content file address in its query string (no request to it, none of its text shown).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FAVICON, offlineAfterOneVisit, setUp, openPage, widgetReady, axeViolations, screenshot } from './helpers.mjs';
import { startServer } from '../tools/static-server.mjs';

/** The `type` of the height messages (iframe/embed.js). */
const HEIGHT_MESSAGE = 'treatment-guide:height';
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** The README's html block that loads `file`. */
const readmeBlock = (file) => README.match(new RegExp(`\`\`\`html\n([^\`]*${file.replace('.', '\\.')}[^\`]*)\`\`\``))[1];
/** The README's script snippet, which makes and resizes the iframe. */
const SCRIPT_SNIPPET = readmeBlock('embed-resize.js');
/** The README's snippet for sites that allow no script: the iframe alone. */
const FRAME_SNIPPET = README.match(/```html\n(<iframe [^`]*embed\.html[^`]*)```/)[1];
/** The placeholder address in the README's snippets. */
const PLACEHOLDER = 'https://your.site/path/to/dist/';
/** What an attacker's file would say, if it were ever loaded. */
const HOSTILE_TEXT = 'Stop all treatment and buy our cure';

/** dist/ on one origin; the host pages (`hostRoutes`) and a hostile file each on another. */
const env = setUp();
let host;
let hostile;
const hostRoutes = { '/favicon.ico': FAVICON };

before(async () => {
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
  await Promise.all([host, hostile].map((s) => s?.close()));
});

/**
 * A host page at `path` with `snippet` (a README snippet, its placeholder
 * address pointed at the served dist/), under a strict policy that allows
 * only the host's own files and dist/'s origin: no inline script or style.
 */
function hostPage(path, snippet) {
  const origin = new URL(env.server.url).origin;
  const body = snippet.replaceAll(PLACEHOLDER, new URL('./', env.server.url).href);
  hostRoutes[path] = {
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head>
<body><main><h1>Une page d'association</h1>${body}<p id="after">Après le guide.</p></main></body></html>`,
    headers: { 'Content-Security-Policy': `default-src 'self'; script-src 'self' ${origin}; frame-src ${origin}; style-src 'self'` },
  };
  return new URL(path, host.url).href;
}

/** The README's script snippet with these data attributes (`data-lang="en"` and the like) instead of its own. */
function scriptSnippet(data) {
  const attributes = Object.entries(data).map(([name, value]) => `data-${name}="${value}"`).join(' ');
  const snippet = SCRIPT_SNIPPET.replace(/(?:\s*data-[a-z-]+="[^"]*")+/, ` ${attributes}`);
  assert.notEqual(snippet, SCRIPT_SNIPPET, 'the README snippet has data attributes');
  return snippet;
}

test('the README snippets: the site address written once, no inline script or style', () => {
  for (const snippet of [SCRIPT_SNIPPET, FRAME_SNIPPET]) {
    assert.equal(snippet.split(PLACEHOLDER).length - 1, 1, `one address in:\n${snippet}`);
    assert.doesNotMatch(snippet, /style=|<script>|<script(?![^>]*\ssrc=)/, 'no inline style or script');
  }
  assert.match(SCRIPT_SNIPPET, /<script src="https:\/\/your\.site\/path\/to\/dist\/embed-resize\.js"/);
});

test('the script snippet on another origin under a strict CSP: French, a section open, centred, no border, resized to its content', async () => {
  const url = hostPage('/host.html', scriptSnippet({ lang: 'fr', open: 'chemotherapy', 'heading-level': '3' }));
  assert.notEqual(new URL(url).origin, new URL(env.server.url).origin, 'the host is another origin');
  const { ctx, page, problems } = await openPage(env.browser, url, { viewport: { width: 900, height: 700 } });
  const frameElement = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await frame.locator('treatment-guide .tg-mount[data-tg-live] button[aria-expanded]').first().waitFor();

  // One iframe, right after the script, named for screen readers, styled without inline style.
  assert.equal(await page.locator('iframe').count(), 1);
  assert.equal(await page.evaluate(() => document.querySelector('script[src$="embed-resize.js"]').nextElementSibling.tagName), 'IFRAME');
  assert.equal(await frameElement.getAttribute('title'), 'Guide des traitements');
  const style = await frameElement.evaluate((f) => {
    const c = getComputedStyle(f);
    return { display: c.display, border: c.borderTopWidth, left: c.marginLeft, right: c.marginRight };
  });
  assert.deepEqual({ display: style.display, border: style.border }, { display: 'block', border: '0px' });
  assert.equal(style.left, style.right, 'centred');

  // French, with the chemotherapy section open, headings at level 3.
  assert.equal(await frame.locator('treatment-guide .tg-root').getAttribute('lang'), 'fr');
  const chemo = frame.locator('treatment-guide [data-tg-section="chemotherapy"] .tg-heading > button');
  assert.equal(await chemo.getAttribute('aria-expanded'), 'true');
  assert.match(await chemo.innerText(), /Chimiothérapie/);
  assert.equal(await frame.locator('treatment-guide h3.tg-heading').count() > 0, true, 'heading-level=3');

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
  assert.deepEqual(problems, [], 'no error, and nothing refused by the policy');
  await ctx.close();
});

test('the no-script snippet: a fixed height, no border, and a content file address in its query ignored', async () => {
  const evil = new URL('evil.json', hostile.url).href;
  const hostileQuery = new URLSearchParams({ 'content-src': evil, contentSrc: evil, content_src: evil }).toString();
  const snippet = FRAME_SNIPPET.replace(/embed\.html\?([^"]*)"/, `embed.html?$1&amp;${hostileQuery.replaceAll('&', '&amp;')}"`);
  assert.notEqual(snippet, FRAME_SNIPPET);
  const url = hostPage('/fixed.html', snippet);
  const { ctx, page, problems, requests } = await openPage(env.browser, url, { viewport: { width: 900, height: 700 } });
  const frame = page.frameLocator('iframe');
  await frame.locator('treatment-guide .tg-mount[data-tg-live] button[aria-expanded]').first().waitFor();
  const box = await page.locator('iframe').boundingBox();
  assert.equal(Math.round(box.height), Number(FRAME_SNIPPET.match(/height="(\d+)"/)[1]), 'the snippet\'s height');
  assert.equal(await page.locator('iframe').evaluate((f) => getComputedStyle(f).borderTopWidth), '0px');

  // The content address was ignored: no attribute, no request, none of its text.
  assert.equal(await frame.locator('treatment-guide').getAttribute('content-src'), null);
  assert.equal(hostile.requests.length, 0, `nothing was asked of the hostile server: ${hostile.requests}`);
  assert.deepEqual(requests.filter((u) => u.includes(new URL(hostile.url).host)), []);
  assert.equal(await frame.locator(`text=${HOSTILE_TEXT}`).count(), 0);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the height messages have their own type, and the snippet ignores other messages', async () => {
  const url = hostPage('/messages.html', scriptSnippet({ lang: 'en' }));
  const { ctx, page } = await openPage(env.browser, url);
  await page.frameLocator('iframe').locator('treatment-guide .tg-mount[data-tg-live]').waitFor();
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
  const height = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  assert.equal(await page.locator('iframe').getAttribute('title'), 'Treatment guide');
  // A message from the host page itself (not the iframe), or of another type, changes nothing.
  await page.evaluate((type) => window.postMessage({ type, height: 5 }, '*'), HEIGHT_MESSAGE);
  const inner = page.frames().find((f) => f.url().includes('embed.html'));
  await inner.evaluate(() => window.parent.postMessage({ type: 'other', height: 5 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height), height);
  await ctx.close();
});

test('embed.html on its own: the widget only, under its CSP, axe-clean, offline-ready', async () => {
  const { ctx, page, problems, requests } = await openPage(env.browser, new URL('embed.html?lang=en&open=all', env.server.url).href);
  await widgetReady(page);
  assert.equal(await page.locator('body > main > treatment-guide').count(), 1);
  assert.equal(await page.locator('body > *').count(), 1, 'nothing but the widget');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.server.url)), [], 'nothing from elsewhere');
  // axe-core is injected as an inline script, which the page's own policy rightly refuses.
  const audit = await openPage(env.browser, new URL('embed.html?lang=fr&open=all', env.server.url).href, { bypassCSP: true });
  await widgetReady(audit.page);
  for (const colorScheme of ['light', 'dark']) {
    await audit.page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeViolations(audit.page), [], `${colorScheme} mode`);
  }
  await audit.ctx.close();
  const precache = JSON.parse(readFileSync(new URL('../dist/precache.json', import.meta.url), 'utf8'));
  for (const file of ['embed.html', 'embed.js', 'embed.css', 'embed-resize.js']) {
    assert.ok(precache.files.some((f) => f.url === file), `${file} is precached for offline use`);
  }
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('after one visit embed.html works offline', { timeout: 90_000 }, async () => {
  const { page, problems } = await offlineAfterOneVisit(env.browser, 'embed.html?lang=fr&open=chemotherapy', { ignoreSearch: true });
  await widgetReady(page);
  const chemo = page.locator('treatment-guide [data-tg-section="chemotherapy"] .tg-heading > button');
  assert.equal(await chemo.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('treatment-guide .tg-root').getAttribute('lang'), 'fr');
  assert.deepEqual(problems, []);
});
