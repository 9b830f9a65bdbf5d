// End-to-end: a content file that cannot be used, as readers and web staff
// see it. Readers get a short plain notice in their language, never another
// topic's guide; the details are in the console, and on the page only with
// `debug`. (A widget that fails shows `strings.crash` of its language:
// e2e/content.test.mjs and tests/contract.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setUp, openPage, widgetReady, hostPage } from './helpers.mjs';

const PREFIX = '/guide/';
const EXAMPLE = JSON.parse(readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8'));
/** The notices as content/meta.toml and content/fr/meta.toml word them. */
const NOTICE = {
  en: "Sorry, this site's own version of the treatment guide could not be loaded. Please try again later.",
  fr: 'Nous sommes désolés, mais la version du guide des traitements propre à ce site n’a pas pu être chargée. Veuillez réessayer plus tard.',
};

const page = (lang, attrs) => ({
  body: hostPage({ lang, prefix: PREFIX, viewport: false, body: `<main><h1>Host page</h1><treatment-guide ${attrs}></treatment-guide></main>` }),
});
const json = (value) => ({ body: JSON.stringify(value), type: 'application/json' });

const duplicate = JSON.parse(JSON.stringify(EXAMPLE));
duplicate.drugs[3].synonyms[1].name = 'Oncovin';
// A charity's guide on another topic, with a mistake: two sections of its own.
const nausea = {
  meta: { ...EXAMPLE.meta, title: 'Feeling sick during treatment' },
  strings: EXAMPLE.strings,
  sections: [
    { id: 'why-it-happens', title: 'Why it happens', body: 'Some medicines upset the stomach.' },
    { id: 'what-helps', title: 'What helps', body: 42 },
  ],
  drugs: [{ name: 'ondansetron', class: 'Anti-sickness medicine', synonyms: [{ name: 'Zofran', kind: 'brand name' }] }],
  glossary: [],
};
const routes = {
  '/content/duplicate.json': json(duplicate),
  '/content/nausea.json': json(nausea),
  '/host/fr-broken.html': page('fr-CA', 'content-src="/content/duplicate.json"'),
  '/host/nausea.html': page('en', 'content-src="/content/nausea.json"'),
  '/host/nausea-debug.html': page('en', 'content-src="/content/nausea.json" debug'),
  '/host/fr-plain.html': page('fr', ''),
};
const env = setUp({ prefix: PREFIX, routes });

const origin = () => env.server.url.slice(0, -PREFIX.length);

test('the French page of a host whose content file is broken shows the notice in French', async () => {
  const { ctx, page: p, problems } = await openPage(env.browser, `${origin()}/host/fr-broken.html`);
  const alert = p.locator('treatment-guide [role=alert]');
  await alert.waitFor({ timeout: 15000 });
  assert.equal(await alert.innerText(), NOTICE.fr);
  assert.equal(await p.locator('treatment-guide [role=alert] li').count(), 0, 'no technical details without debug');
  // An edition of the built-in guide: the French built-in guide stands in.
  await widgetReady(p);
  assert.equal(await p.locator('treatment-guide [data-tg-section=chemotherapy] .tg-heading').innerText(), 'Chimiothérapie');
  assert.equal(await p.locator('treatment-guide .tg-root').getAttribute('lang'), 'fr');
  assert.ok(problems.some((m) => /"Oncovin" is already a name of vincristine/.test(m)), 'the details are in the console');
  await ctx.close();
});

test('a broken file on another topic: a plain notice alone, never the leukemia guide', async () => {
  const { ctx, page: p, problems } = await openPage(env.browser, `${origin()}/host/nausea.html`);
  const alert = p.locator('treatment-guide [role=alert]');
  await alert.waitFor({ timeout: 15000 });
  assert.equal(await alert.innerText(), NOTICE.en);
  await p.locator('treatment-guide .tg-mount[data-tg-live]').waitFor();
  assert.equal(await p.locator('treatment-guide .tg-section').count(), 0);
  assert.doesNotMatch(await p.locator('treatment-guide').innerText(), /leuk|chemotherapy/i);
  assert.equal(await p.locator('treatment-guide .tg-root').getAttribute('lang'), 'en');
  assert.ok(problems.some((m) => m.includes('content file /content/nausea.json could not be used')), problems.join(' | '));
  await ctx.close();
});

test('with debug, the web staff see the details on the page too', async () => {
  const { ctx, page: p } = await openPage(env.browser, `${origin()}/host/nausea-debug.html`);
  const alert = p.locator('treatment-guide [role=alert]');
  await alert.waitFor({ timeout: 15000 });
  const text = await alert.innerText();
  assert.ok(text.startsWith(NOTICE.en), text);
  assert.match(text, /content file \/content\/nausea\.json could not be used: it has \d+ problem/);
  assert.match(text, /sections, 2nd item "what-helps", body should be a text/);
  assert.equal(await p.locator('treatment-guide .tg-section').count(), 0);
  await ctx.close();
});
