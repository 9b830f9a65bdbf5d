// Shared set-up for the end-to-end tests: Debian's Chromium through
// playwright-core, and the built dist/ served on a free localhost port.
// A test file calls setUp() once; every browser context a test opens is
// closed when the test ends, passed or failed.
import { after, afterEach, before, beforeEach } from 'node:test';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync } from 'node:fs';
import { launch } from '../tools/browser.mjs';
import { startServer } from '../tools/static-server.mjs';
import { LOADER_FILE } from '../tools/modules.mjs';

const require = createRequire(import.meta.url);
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
export const AXE = require.resolve('axe-core/axe.min.js');
/** The section ids, in page order, from the exported built-in content (a native test keeps it current). */
export const SECTION_IDS = JSON.parse(
  readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8'),
).sections.map((s) => s.id);

export { launch };

/** The browser's own request for /favicon.ico, answered with nothing (a 404 would be a console error). */
export const FAVICON = { status: 204, body: '', type: 'image/x-icon' };

/**
 * Serves dist/ (options as in tools/static-server.mjs). `routes` is kept as
 * given (a test may add pages to it later), with /favicon.ico (FAVICON) added.
 */
export function serveDist({ routes = {}, ...options } = {}) {
  routes['/favicon.ico'] ??= FAVICON;
  return startServer({ root: DIST, routes, ...options });
}

/**
 * A host page embedding the widget as the README shows: `head` before the
 * loader's script (`loader`: its address, from `prefix` by default, with
 * `script`'s attributes; null for none), `body` as the page's body.
 * `viewport`: whether it has the phone viewport's meta tag.
 */
export function hostPage({
  lang = 'en', title = 'Host', head = '', body = '<treatment-guide></treatment-guide>', prefix = '/',
  loader = `${prefix}${LOADER_FILE}`, script = ' defer', viewport = true,
} = {}) {
  const meta = viewport ? '\n<meta name="viewport" content="width=device-width, initial-scale=1">' : '';
  const tag = loader === null ? '' : `\n<script src="${loader}"${script}></script>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${meta}<title>${title}</title>${head}${tag}</head>
<body>${body}</body></html>`;
}

/** The contexts opened by the running test, closed when it ends (null between tests). */
let testContexts = null;

/**
 * The set-up of a test file: one browser, and dist/ served with `serve`
 * (options as in tools/static-server.mjs; null serves nothing). Returns an
 * object whose `browser` and `server` are there once the file's tests run;
 * `origin()` is the server's address without its path prefix. A `before`
 * hook of the file that needs them awaits `ready()` first (Node 20 starts
 * top-level hooks as they are declared, not one after the other).
 */
export function setUp(serve = {}) {
  let started = null;
  const shared = {
    browser: null,
    server: null,
    origin: () => new URL(shared.server.url).origin,
    ready: () => {
      started ??= (async () => {
        shared.browser = await launch();
        if (serve) shared.server = await serveDist(serve);
      })();
      return started;
    },
  };
  before(() => shared.ready());
  beforeEach(() => { testContexts = new Set(); });
  afterEach(async () => {
    const open = testContexts;
    testContexts = null;
    await Promise.all([...open].map((ctx) => ctx.close()));
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** A new browser context; one opened inside a test is closed when the test ends. */
export async function newContext(browser, options = {}) {
  const ctx = await browser.newContext(options);
  testContexts?.add(ctx);
  return ctx;
}

/**
 * Opens a page that records console errors (and warnings, with `warnings`),
 * page errors and every requested URL. `context` options go to
 * browser.newContext.
 */
export async function openPage(browser, url, context = {}, { warnings = false } = {}) {
  const ctx = await newContext(browser, context);
  const page = await ctx.newPage();
  const problems = [];
  const requests = [];
  const kinds = warnings ? ['error', 'warning'] : ['error'];
  page.on('console', (m) => { if (kinds.includes(m.type())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { ctx, page, problems, requests };
}

/** A widget whose code has taken the guide over (the loader marks its mount) and rendered its controls. */
const LIVE = '.tg-mount[data-tg-live] button[aria-expanded]';

/**
 * Waits until a widget is live. `scope`: a page or a locator; `selector`: the
 * element in it (the first that goes live counts), or null when `scope` is
 * the element's own locator.
 */
export async function widgetReady(scope, selector = 'treatment-guide') {
  await (selector ? scope.locator(selector) : scope).locator(LIVE).first().waitFor();
}

/** Every computed property of the elements that `selectors` pick, in document or a widget's shadow root. */
export function computedStyles(page, selectors, { shadow = true, n = 0 } = {}) {
  return page.evaluate(({ selectors, shadow, n }) => {
    const root = shadow ? document.querySelectorAll('treatment-guide')[n].shadowRoot : document;
    const styles = {};
    for (const selector of selectors) {
      const element = root.querySelector(selector);
      if (!element) { styles[selector] = null; continue; }
      const computed = getComputedStyle(element);
      const props = {};
      for (let i = 0; i < computed.length; i++) props[computed[i]] = computed.getPropertyValue(computed[i]);
      styles[selector] = props;
    }
    return styles;
  }, { selectors, shadow, n });
}

/** Lists `selector: property a → b` for every difference between two computedStyles results. */
export function styleDifferences(a, b) {
  const differences = [];
  for (const selector of Object.keys(a)) {
    if (!a[selector] || !b[selector]) { differences.push(`${selector}: missing`); continue; }
    for (const prop of new Set([...Object.keys(a[selector]), ...Object.keys(b[selector])])) {
      if (a[selector][prop] !== b[selector][prop]) differences.push(`${selector}: ${prop} ${a[selector][prop]} → ${b[selector][prop]}`);
    }
  }
  return differences;
}

/** Runs axe-core on the page (it reads open shadow roots) and returns its violations. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * The offline-after-one-visit check: serves dist/, opens `path` of it in a new
 * context, waits until the standalone page's service worker has cached that
 * page (`ignoreSearch`: whatever its query), stops the server, takes the
 * context offline and reloads. Returns openPage's `{ ctx, page, problems }`, offline.
 */
export async function offlineAfterOneVisit(browser, path, { ignoreSearch = false } = {}) {
  const server = await serveDist();
  let opened;
  try {
    const href = new URL(path, server.url).href;
    opened = await openPage(browser, href);
    // The page registers the standalone page's service worker, which caches every file of dist/.
    await opened.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await opened.page.waitForFunction(async ({ href, ignoreSearch }) => {
      const names = await caches.keys();
      return names.length === 1 && !!(await (await caches.open(names[0])).match(href, { ignoreSearch }));
    }, { href, ignoreSearch }, { polling: 200, timeout: 60_000 });
  } finally {
    await server.close();
  }
  await opened.ctx.setOffline(true);
  await opened.page.reload();
  return opened;
}

/** Saves a screenshot under e2e/artifacts/ for people to look at. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}
