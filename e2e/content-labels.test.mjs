// End-to-end: what the content says about itself and about names (issue 18).
// A drug card labels a name from the other language ("French name:
// doxorubicine"), the lookup finds it; the footer gives the date the text was
// updated as readers write it inside <time>, that it has not had a medical
// review (issue 27), the source, and for the French translation what it was
// translated from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, widgetReady, hostPage } from './helpers.mjs';

const PREFIX = '/tg/';
const routes = {};
const env = setUp({ prefix: PREFIX, routes });

/** A page in `lang` holding one widget, served beside dist/. */
function pageIn(lang) {
  const path = `/labels-${lang}.html`;
  routes[path] = {
    body: hostPage({ lang, title: 'Page', prefix: PREFIX, body: '<main><treatment-guide></treatment-guide></main>' }),
  };
  return `${env.server.url.slice(0, -PREFIX.length)}${path}`;
}

const widget = (page) => page.locator('treatment-guide');
const input = (page) => widget(page).locator('input[role=combobox]');

/** Types a name, picks the first suggestion, and returns its text and the card's terms and details. */
async function openCard(page, name) {
  await input(page).fill('');
  await input(page).pressSequentially(name);
  const option = widget(page).locator('[role=listbox]:not([hidden]) [role=option]').first();
  await option.waitFor();
  const suggestion = (await option.innerText()).trim();
  await input(page).press('ArrowDown');
  await input(page).press('Enter');
  const card = widget(page).locator('[data-tg-drug-card]');
  await card.waitFor();
  const facts = await card.locator('dt').evaluateAll((dts) => dts.map((dt) => [
    dt.textContent.trim(), dt.nextElementSibling.textContent.trim(), dt.nextElementSibling.getAttribute('lang'),
  ]));
  return { suggestion, facts };
}

test('an English card labels the French names and keeps them out of its own', async () => {
  const { ctx, page, problems } = await openPage(env.browser, pageIn('en'));
  await widgetReady(page);
  const { suggestion, facts } = await openCard(page, 'doxorubicine');
  assert.match(suggestion, /^doxorubicin — doxorubicine \(French name\)$/);
  assert.deepEqual(facts.find(([dt]) => dt === 'French name'), ['French name', 'doxorubicine', 'fr']);
  assert.ok(facts.every(([dt, dd]) => dt === 'French name' || !dd.includes('doxorubicine')), JSON.stringify(facts));
  const dauno = await openCard(page, 'Cerubidine');
  assert.deepEqual(dauno.facts.find(([dt]) => dt === 'French names'), ['French names', 'daunorubicine, daunomycine', 'fr']);
  assert.deepEqual(dauno.facts.find(([dt]) => dt === 'Also called'), ['Also called', 'daunomycin', null]);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a French card labels the English names', async () => {
  const { ctx, page, problems } = await openPage(env.browser, pageIn('fr'));
  await widgetReady(page);
  const { suggestion, facts } = await openCard(page, 'Adriamycin');
  assert.match(suggestion, /^doxorubicine/);
  assert.deepEqual(facts.find(([dt]) => dt === 'Nom anglais'), ['Nom anglais', 'doxorubicin', 'en']);
  assert.deepEqual(facts.find(([dt]) => dt === 'Rubrique')?.[1], 'Chimiothérapie');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the English footer gives the date in words, that the text has not been reviewed, the source and the version', async () => {
  const { ctx, page, problems } = await openPage(env.browser, pageIn('en'));
  await widgetReady(page);
  const footer = widget(page).locator('.tg-footer');
  const time = footer.locator('time');
  assert.equal(await time.getAttribute('datetime'), '2026-12-06');
  assert.equal((await time.innerText()).replace(/\s/g, ' '), '6 December 2026');
  const lines = (await footer.locator('p').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
  assert.equal(lines[0], 'Updated on 6 December 2026. This version has not yet had a medical review.');
  assert.match(lines[1], /^Source: Canadian Cancer Society/);
  assert.match(lines[2], /^Content version \d+\.\d+\.\d+ · treatment-guide /);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the French footer says it is a translation of an English text that has not been reviewed, and claims no review', async () => {
  const { ctx, page, problems } = await openPage(env.browser, pageIn('fr'));
  await widgetReady(page);
  const footer = widget(page).locator('.tg-footer');
  assert.equal(await footer.locator('time').count(), 0, 'no review date is claimed');
  const text = (await footer.innerText()).replace(/\u00a0/g, ' ');
  assert.match(text, /^Ce texte est traduit du texte anglais \(version \d+\.\d+\.\d+\), qui n’a pas encore été révisé sur le plan médical\. La traduction n’a pas encore été révisée sur le plan médical\./);
  assert.match(text, /Source : Société canadienne du cancer/);
  assert.doesNotMatch(text, /[Dd]ernière révision/);
  assert.deepEqual(problems, []);
  await ctx.close();
});
