// End-to-end: the French edition. The language comes from the element's
// `lang`, else the nearest ancestor's; fr, fr-CA and fr-FR mean French. A
// page in one language never loads the other's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, newContext, openPage, widgetReady, axeViolations, hostPage } from './helpers.mjs';

const PREFIX = '/tg/';
const routes = {};
const env = setUp({ prefix: PREFIX, routes });

function host(path, { lang, body, headers = {} }) {
  routes[path] = {
    headers,
    body: hostPage({ lang, title: 'Page', prefix: PREFIX, body: `<main><h1>Article</h1>${body}</main>` }),
  };
  return `${env.origin()}${path}`;
}

/** Opens `url`, recording console errors and warnings. */
const open = (url) => openPage(env.browser, url, {}, { warnings: true });

const widget = (page, selector = 'treatment-guide') => page.locator(selector).first();
const title = (page, selector) => widget(page, selector).locator('.tg-title').innerText();

test('a page in fr-CA shows the guide in French, with lang="fr" on its root and no axe violation', async () => {
  const { page, problems } = await open(host('/fr-ca.html', { lang: 'fr-CA', body: '<treatment-guide></treatment-guide>' }));
  await widgetReady(page);
  assert.match(await title(page), /leucémie lymphoblastique aiguë \(LLA\)/);
  assert.equal(await widget(page).locator('.tg-root').getAttribute('lang'), 'fr');
  assert.equal(await widget(page).locator('[data-tg-section="chemotherapy"] .tg-heading').innerText(), 'Chimiothérapie');
  await widget(page).locator('[data-tg-section="chemotherapy"] .tg-heading > button').click();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
});

test('fr and fr-FR on the element mean French; a French element and an English one side by side', async () => {
  const url = host('/side.html', {
    lang: 'en',
    body: '<treatment-guide id="fr" lang="fr-FR"></treatment-guide><treatment-guide id="en"></treatment-guide>',
  });
  const { page, problems } = await open(url);
  await widgetReady(page, '#fr');
  await widgetReady(page, '#en');
  assert.match(await title(page, '#fr'), /^Traitements/);
  assert.match(await title(page, '#en'), /^Treatments/);
  // A French reader with an English label, and the reverse.
  await widget(page, '#fr').locator('[role=combobox]').fill('daunorubicin');
  assert.match(await widget(page, '#fr').locator('[role=option]').first().innerText(), /^daunorubicine/);
  await widget(page, '#en').locator('[role=combobox]').fill('daunorubicine');
  assert.match(await widget(page, '#en').locator('[role=option]').first().innerText(), /^daunorubicin\b/);
  // Accents are optional.
  await widget(page, '#fr').locator('[role=combobox]').fill('etoposide');
  assert.match(await widget(page, '#fr').locator('[role=option]').first().innerText(), /^étoposide/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
});

test('deep links are the same in both languages, and drug anchors accept either name', async () => {
  for (const hash of ['#tg-drug-daunorubicine', '#tg-drug-daunorubicin']) {
    const { ctx, page } = await open(host('/fr-drug.html', { lang: 'fr', body: '<treatment-guide></treatment-guide>' }) + hash);
    await widgetReady(page);
    const card = widget(page).locator('.tg-card-title');
    await card.waitFor();
    assert.equal((await card.innerText()).trim(), 'daunorubicine', hash);
    await ctx.close();
  }
  const { page } = await open(host('/fr-section.html', { lang: 'fr', body: '<treatment-guide></treatment-guide>' }) + '#tg-chemotherapy');
  await widgetReady(page);
  await widget(page).locator('[data-tg-section="chemotherapy"] .tg-heading > button[aria-expanded="true"]').waitFor();
});

test('changing lang later re-renders in the other language without a reload', async () => {
  const { page, problems } = await open(host('/switch.html', { lang: 'en', body: '<treatment-guide></treatment-guide>' }));
  await widgetReady(page);
  assert.match(await title(page), /^Treatments/);
  await page.evaluate(() => document.querySelector('treatment-guide').setAttribute('lang', 'fr'));
  await widget(page).locator('.tg-title', { hasText: 'Traitements' }).waitFor();
  assert.equal(await widget(page).locator('.tg-root').count(), 1);
  await page.evaluate(() => document.querySelector('treatment-guide').setAttribute('lang', 'en'));
  await widget(page).locator('.tg-title', { hasText: 'Treatments' }).waitFor();
  assert.deepEqual(problems, []);
});

test('an English page never loads the French file; a French page loads it once', async () => {
  let { ctx, page, requests } = await open(host('/en-only.html', { lang: 'en', body: '<treatment-guide></treatment-guide>' }));
  await widgetReady(page);
  assert.equal(requests.filter((u) => /-fr-[0-9a-f]+\.json$/.test(u)).length, 0);
  await ctx.close();
  ({ ctx, page, requests } = await open(host('/fr-two.html', { lang: 'fr', body: '<treatment-guide></treatment-guide><treatment-guide></treatment-guide>' })));
  await widgetReady(page);
  await widgetReady(page, 'treatment-guide:nth-of-type(2)');
  assert.equal(requests.filter((u) => /-fr-[0-9a-f]+\.json$/.test(u)).length, 1);
});

test('a French file cut short is refused with a message, and the guide shows the built-in English', async () => {
  // The widget opens a language file's content without validating it again,
  // so what it does not recognise as whole, checked content it must refuse.
  const ctx = await newContext(env.browser);
  await ctx.route(/-fr-[0-9a-f]+\.json$/, async (route) => {
    const response = await route.fetch();
    const bundle = await response.json();
    bundle.content = bundle.content.slice(0, -200);
    await route.fulfill({ response, json: bundle });
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(host('/fr-cut.html', { lang: 'fr', body: '<treatment-guide></treatment-guide>' }));
  await widgetReady(page);
  assert.match(await title(page), /acute lymphocytic leukemia \(ALL\)/);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /the language file is invalid: it is not content the build or the content reader checked \(it is incomplete/);
});

test('a French page without WebAssembly keeps the French text, with the note in French', async () => {
  const url = host('/fr-csp.html', {
    lang: 'fr-CA',
    body: '<treatment-guide></treatment-guide>',
    headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
  });
  const { page } = await open(url);
  const note = widget(page).locator('.tg-static-note');
  await note.waitFor();
  assert.match(await note.innerText(), /recherche de médicaments/);
  assert.equal(await widget(page).locator('[data-tg-section="chemotherapy"] h2').innerText(), 'Chimiothérapie');
  assert.ok(await widget(page).locator('[data-tg-section="chemotherapy"] .tg-panel').isVisible());
});
