// End-to-end: the embed under a strict CSP, from a deep path prefix, pinned
// with SRI and loaded async or as a module; it requests nothing but its own
// files. (The time to first render is a figure of `make bench`:
// start_render_median_ms, tools/bench-page.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, openPage, DIST } from './helpers.mjs';
import { embedSetUp, DIST_FILES, allClosed, PREFIX, LOADER, WASM, GLUE, LISTEN, WARM, newsPage, widget, toggle, combobox, ready, expanded, allOpen, lookUp } from './embed-host.mjs';
import { startServer } from '../tools/static-server.mjs';
import { sri } from '../tools/sri.mjs';
import { LOADER_FILE } from '../tools/modules.mjs';

const { env, routes, route } = embedSetUp();

// ----------------------------------------------------------- 4. strict CSP

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Records CSP violations from the first moment of the page. */
const RECORD_VIOLATIONS = () => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  }, true);
};

/** Opens a page with the violation recorder and every console message. */
async function openRecorded(url, context = {}) {
  const ctx = await newContext(env.browser, context);
  await ctx.addInitScript(RECORD_VIOLATIONS);
  const page = await ctx.newPage();
  const console = [];
  const problems = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  return { ctx, page, console, problems, violations: () => page.evaluate(() => window.__cspViolations) };
}

test('under a strict CSP header the widget renders and works without a violation', async () => {
  const url = route('/csp/strict.html', newsPage({
    title: 'Strict CSP',
    head: `<link rel="stylesheet" href="/csp/host.css">`,
    body: '<main><h1>Strict policy</h1><treatment-guide></treatment-guide></main>',
  }), { 'Content-Security-Policy': STRICT_CSP });
  routes['/csp/host.css'] = { type: 'text/css', body: 'body { font-family: serif; }' };
  const { page, problems, violations } = await openRecorded(url);
  await ready(page);
  assert.ok((await lookUp(page, 'Adriamycin'))[0].startsWith('doxorubicin'));
  await combobox(page).press('Enter');
  await widget(page).locator('.tg-card').waitFor();
  await widget(page).locator('[data-tg-action="expand-all"]').click();
  assert.deepEqual(await expanded(page), allOpen);
  const mention = widget(page).locator('.tg-mention-word').first();
  await mention.hover();
  await mention.click();
  await widget(page).locator('.tg-bubble:not([hidden])').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.waitForTimeout(100);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
});

test('the CSP check itself: without wasm-unsafe-eval the violation is seen, the widget says so and keeps its text', async () => {
  const url = route('/csp/no-wasm.html', newsPage({
    title: 'CSP without wasm-unsafe-eval',
    body: '<main><h1>Too strict</h1><p id="host-text">Host text.</p><treatment-guide></treatment-guide></main>',
  }), { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" });
  const { page, problems, violations } = await openRecorded(url);
  const note = widget(page).locator('.tg-static-note');
  await note.waitFor();
  assert.match(await note.innerText(), /drug search is not available/);
  assert.ok(await widget(page).locator('[data-tg-section="chemotherapy"] .tg-panel').isVisible(), 'the text stays readable');
  assert.ok((await violations()).some((v) => v.startsWith('script-src')), `violations: ${JSON.stringify(await violations())}`);
  assert.ok(problems.some((p) => p.includes('treatment-guide')), 'the console names the widget');
  assert.equal(await page.locator('#host-text').innerText(), 'Host text.');
});

// ------------------------------------------------------ 5. deep path prefix

test('dist/ under a deep path prefix works from a page elsewhere on the site', async () => {
  const deep = '/charity/assets/v1/guide/';
  const deepRoutes = {
    '/news/article.html': {
      body: newsPage({
        loader: '../charity/assets/v1/guide/treatment-guide.js',
        body: '<main><article><h1>Article</h1><p>Text.</p><treatment-guide open="cns-treatment"></treatment-guide></article></main>',
      }),
    },
    '/host-icon.svg': routes['/host-icon.svg'],
  };
  const site = await startServer({ root: DIST, prefix: deep, routes: deepRoutes });
  try {
    const origin = new URL(site.url).origin;
    const ctx = await newContext(env.browser);
    const page = await ctx.newPage();
    const problems = [];
    const responses = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('response', (r) => responses.push([new URL(r.url()).pathname, r.status()]));
    await page.goto(`${origin}/news/article.html`);
    await ready(page);
    assert.deepEqual(await expanded(page), { ...allClosed, 'cns-treatment': 'true' });
    assert.ok((await lookUp(page, 'ara c'))[0].startsWith('cytarabine'));
    await toggle(page, 'chemotherapy').click();
    assert.equal(new URL(page.url()).pathname, '/news/article.html');
    // The read-aloud module comes when the page is idle after a section opened.
    for (let waited = 0; !responses.some(([path]) => path.endsWith(LISTEN)) && waited < 5000; waited += 100) await page.waitForTimeout(100);
    // (Chromium's warm-up worker imports the glue again, from the browser's cache: one download.)
    const widgetFiles = responses.filter(([path]) => path !== '/news/article.html' && path !== '/host-icon.svg');
    const served = site.requests.filter((path) => path.startsWith(deep));
    assert.equal(new Set(served).size, served.length, `each file downloaded once: ${served}`);
    assert.deepEqual([...new Set(widgetFiles.map((r) => JSON.stringify(r)))].map((r) => JSON.parse(r)).sort(), [
      [`${deep}${GLUE}`, 200], [`${deep}${WASM}`, 200], [`${deep}${LISTEN}`, 200], [`${deep}${WARM}`, 200], [`${deep}treatment-guide.js`, 200],
    ].sort());
    assert.deepEqual(problems, []);
    await ctx.close();
  } finally {
    await site.close();
  }
});

// ------------------------------------------------------------ 7. requests

test('the widget requests nothing but its own files', async () => {
  const url = route('/requests.html', newsPage({ body: '<main><h1>Requests</h1><treatment-guide></treatment-guide></main>' }));
  const start = env.server.requests.length;
  const { page, problems, requests } = await openPage(env.browser, url);
  const sockets = [];
  page.on('websocket', (w) => sockets.push(w.url()));
  await ready(page);
  // Use every part, so that anything loaded lazily is loaded too.
  assert.ok((await lookUp(page, 'Gleevec 400 mg'))[0].startsWith('imatinib'));
  await combobox(page).press('Enter');
  await widget(page).locator('.tg-card').waitFor();
  await widget(page).locator('[data-tg-action="expand-all"]').click();
  await widget(page).locator('.tg-mention-word').first().click();
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.waitForTimeout(200);
  // The read-aloud module comes when the page is idle after a section opened.
  for (let waited = 0; !requests.some((u) => u.endsWith(LISTEN)) && waited < 5000; waited += 100) await page.waitForTimeout(100);

  const origin = new URL(env.server.url).origin;
  const hostFiles = ['/requests.html', '/host-icon.svg'];
  const foreign = requests.filter((u) => {
    const { origin: o, pathname } = new URL(u);
    return o !== origin || !(hostFiles.includes(pathname) || (pathname.startsWith(PREFIX) && DIST_FILES.includes(pathname.slice(PREFIX.length))));
  });
  assert.deepEqual(foreign, [], 'every request is the host page or a file of dist/');
  const widgetFiles = [...new Set(requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith(PREFIX)))].sort();
  assert.deepEqual(widgetFiles, [LOADER, `${PREFIX}${GLUE}`, `${PREFIX}${WASM}`, `${PREFIX}${WARM}`, `${PREFIX}${LISTEN}`].sort(),
    'the loader, the glue, the wasm, the warm-up worker (Chromium) and, with a section open, the read-aloud module only (no icon, no page CSS)');
  const served = env.server.requests.slice(start).filter((p) => !hostFiles.includes(p));
  assert.deepEqual([...new Set(served)].sort(), widgetFiles, 'the server saw the same');
  assert.deepEqual(sockets, []);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(problems, []);
});

test('the loader works pinned with the SRI hash from tools/sri.mjs, and a wrong hash blocks it', async () => {
  const integrity = sri(`${DIST}${LOADER_FILE}`);
  assert.match(integrity, /^sha384-[A-Za-z0-9+/]{64}$/);
  const tag = (value) => `<script src="${LOADER}" integrity="${value}" crossorigin="anonymous" defer></script>`;
  const good = route('/sri/good.html', newsPage({ loader: null, head: tag(integrity), body: '<main><h1>Pinned</h1><treatment-guide></treatment-guide></main>' }));
  const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
  const bad = route('/sri/bad.html', newsPage({ loader: null, head: tag(wrong), body: '<main><h1>Pinned wrong</h1><treatment-guide></treatment-guide></main>' }));

  const ok = await openPage(env.browser, good);
  await ready(ok.page);
  assert.deepEqual(ok.problems, []);
  await ok.ctx.close();

  const blocked = await openPage(env.browser, bad);
  await blocked.page.waitForLoadState('load');
  assert.equal(await blocked.page.evaluate(() => customElements.get('treatment-guide')), undefined);
  assert.ok(blocked.problems.some((p) => /integrity/i.test(p)), `the browser refused it: ${JSON.stringify(blocked.problems)}`);
  await blocked.ctx.close();
});

for (const [how, tag] of [
  ['async', `<script src="${LOADER}" async></script>`],
  ['type="module"', `<script type="module" src="${LOADER}"></script>`],
]) {
  test(`the loader also works as ${how}`, async () => {
    const url = route(`/load/${how.replace(/\W/g, '')}.html`, newsPage({
      loader: null,
      head: tag,
      body: '<main><h1>Loaded another way</h1><treatment-guide open="chemotherapy"></treatment-guide></main>',
    }));
    const { page, problems } = await openPage(env.browser, url);
    await ready(page);
    assert.equal((await expanded(page)).chemotherapy, 'true');
    assert.match((await lookUp(page, 'Purinethol'))[0], /^mercaptopurine/);
    assert.deepEqual(problems, []);
  });
}
