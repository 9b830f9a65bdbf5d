// End-to-end: the medical review bound to the text (issue 27). The shipped
// guide says, in both languages, that it has not had a medical review. A
// content file signed with `content-check --sign-review` shows "Medically
// reviewed on {date}" (« Dernière révision médicale : {date} »); one word
// changed and the footer says the version has not had a review, and when the
// last one was. The checker page's review sheet is made in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setUp, openPage, widgetReady, axeViolations, hostPage } from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PREFIX = '/tg/';
const routes = {};
const env = setUp({ prefix: PREFIX, routes });
let temp;
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'tg-review-e2e-'));
});
after(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Runs content-check (the editors' tool) with `args`. */
const contentCheck = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'content-check', '--', ...args], {
  cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
});

/** The built-in content of `folder` as a content file, signed by a reviewer on `date`. */
function signed(folder, name, date, by) {
  const file = join(temp, name);
  contentCheck('--export', folder, file);
  contentCheck('--sign-review', '--date', date, '--by', by, file);
  return readFileSync(file, 'utf8');
}

/** A page in `lang` with one widget, served beside dist/. */
function pageIn(lang) {
  const path = `/review-${lang}.html`;
  routes[path] = {
    body: hostPage({ lang, title: 'Page', prefix: PREFIX, body: '<main><h1>Page</h1><treatment-guide></treatment-guide></main>' }),
  };
  return `${env.server.url.slice(0, -PREFIX.length)}${path}`;
}

/** The footer's review line as readers see it, and its state. */
async function reviewLine(page) {
  const line = page.locator('treatment-guide .tg-footer-review');
  return {
    text: (await line.innerText()).replace(/\u00a0/g, ' '),
    state: await line.getAttribute('data-review'),
  };
}

/** Hands `text` to the page's widget, as setContent (and content-src) do, and waits for it. */
async function show(page, text) {
  await page.evaluate((t) => document.querySelector('treatment-guide').setContent(t), text);
}

test('the shipped guide says, in both languages, that it has not had a medical review', async () => {
  for (const [lang, expected] of [
    ['en', /^Updated on 6 December 2026\. This version has not yet had a medical review\.$/],
    ['fr', /^Ce texte est traduit du texte anglais \(version \d+\.\d+\.\d+\), qui n’a pas encore été révisé sur le plan médical\. La traduction n’a pas encore été révisée sur le plan médical\.$/],
  ]) {
    const { ctx, page, problems } = await openPage(env.browser, pageIn(lang));
    await widgetReady(page);
    const { text, state } = await reviewLine(page);
    assert.match(text, expected);
    assert.equal(state, 'none');
    assert.doesNotMatch(text, /Medically reviewed|Dernière révision/);
    assert.deepEqual(problems, []);
    await ctx.close();
  }
});

test('a signed file says "medically reviewed"; one word changed, and it says it has not been reviewed since', async () => {
  const cases = [
    {
      lang: 'en', folder: 'content', date: '2027-01-10', by: 'Dr A. Tremblay, hematologist', from: 'the main treatment is', to: 'the first treatment is',
      reviewed: 'Medically reviewed on 10 January 2027',
      changed: 'Updated on 6 December 2026. This version has not yet had a medical review; the last review was on 10 January 2027.',
    },
    {
      lang: 'fr', folder: 'content/fr', date: '2027-01-12', by: 'Hématologue, Hôpital X', from: 'le traitement principal est', to: 'le premier traitement est',
      reviewed: /^Ce texte est traduit du texte anglais \(version \d+\.\d+\.\d+\)\. Dernière révision médicale : 12 janvier 2027$/,
      changed: /Mis à jour le 6 décembre 2026\. Cette version n’a pas encore été révisée sur le plan médical; la révision médicale précédente date du 12 janvier 2027\.$/,
    },
  ];
  for (const c of cases) {
    const text = signed(c.folder, `${c.lang}.json`, c.date, c.by);
    const { ctx, page, problems } = await openPage(env.browser, pageIn(c.lang));
    await widgetReady(page);
    await show(page, text);
    let line = await reviewLine(page);
    assert.equal(line.state, 'reviewed', line.text);
    if (typeof c.reviewed === 'string') assert.equal(line.text, c.reviewed);
    else assert.match(line.text, c.reviewed);

    const changed = text.replace(c.from, c.to);
    assert.notEqual(changed, text, `"${c.from}" is in the ${c.lang} text`);
    await show(page, changed);
    line = await reviewLine(page);
    assert.equal(line.state, 'changed', line.text);
    if (typeof c.changed === 'string') assert.equal(line.text, c.changed);
    else assert.match(line.text, c.changed);
    assert.doesNotMatch(line.text, /Medically reviewed|Dernière révision/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  }
});

test('the checker page makes the review sheet of the file in the page, with what changed marked', async () => {
  const text = signed('content', 'sheet.json', '2027-01-10', 'Dr A. Tremblay, hematologist').replace('the main treatment is', 'the first treatment is');
  // bypassCSP lets axe-core in; the page's own scripts are the same.
  const { ctx, page, problems, requests } = await openPage(env.browser, new URL('check.html', env.server.url).href, { bypassCSP: true });
  await page.locator('#summary', { hasText: 'No file yet.' }).waitFor();
  assert.equal(await page.locator('#sheet').isDisabled(), true, 'no sheet without a file');
  await page.locator('#text').fill(text);
  await page.locator('#summary', { hasText: /No problems|warning|error/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#sheet').click()]);
  assert.equal(download.suggestedFilename(), 'review-sheet.html');
  const sheet = readFileSync(await download.path(), 'utf8');
  assert.match(sheet, /<h1>Medical review sheet<\/h1>/);
  assert.match(sheet, /medically reviewed on 2027-01-10 by Dr A\. Tremblay, hematologist\. Since then 1 statement\(s\) are new or changed/);
  assert.match(sheet, /<td class="changed" lang="en"><span class="mark">CHANGED<\/span>For relapsed and refractory ALL, the first treatment is chemotherapy/);
  assert.match(sheet, /Targeted therapy, 3rd paragraph \(see the points for the reviewer\)/);
  assert.match(sheet, /Points for the reviewer/);
  assert.match(sheet, /content-check --sign-review --date YYYY-MM-DD --by "NAME, ROLE"/);
  await page.locator('#sheet-status', { hasText: 'Saved as review-sheet.html' }).waitFor();
  assert.deepEqual(requests.filter((url) => !url.startsWith(env.server.url.slice(0, -PREFIX.length)) && !url.startsWith('blob:')), []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await ctx.close();
});
