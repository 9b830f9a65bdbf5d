// End-to-end: the content checker for web staff (dist/check.html). A file is
// pasted or dropped, checked in the page by the widget's own code, its
// problems listed and the file previewed in a live widget; nothing leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setUp, serveDist, openPage, screenshot } from './helpers.mjs';

/** The built-in content in the documented format (a native test keeps it current). */
const EXAMPLE = readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8');
const clone = () => JSON.parse(EXAMPLE);
/** A sentence of 29 words: over the 25 of plain language. */
const LONG = 'Your doctor will check your blood every week or so while you have this treatment, '
  + 'and will tell you what the results mean for you and your family today.';

const env = setUp();

async function openChecker() {
  const opened = await openPage(env.browser, new URL('check.html', env.server.url).href);
  await opened.page.waitForFunction(() => customElements.get('treatment-guide'));
  return opened;
}

/** Pastes a content file into the text box, as a person would. */
async function paste(page, value) {
  await page.locator('#text').fill(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

const problemTexts = (page) => page.locator('#problems li').allTextContents();

/** Every request the page made went to the server of dist/ (or to its own blob: URLs). */
function assertNothingLeft(requests) {
  const elsewhere = requests.filter((url) => !url.startsWith(env.server.url) && !url.startsWith('blob:'));
  assert.deepEqual(elsewhere, [], 'nothing is sent anywhere else');
}

test('a valid file shows no problems and renders in the live preview', async () => {
  const { page, problems, requests } = await openChecker();
  const content = clone();
  content.sections[0].title = 'Relapse, in our own words';
  await paste(page, content);
  await page.locator('#summary', { hasText: 'No problems found' }).waitFor();
  assert.equal(await page.locator('#problems li').count(), 0);
  assert.equal(await page.locator('#grades li').count(), 9, 'each section has its reading grade');
  const blob = await page.locator('#preview treatment-guide').getAttribute('content-src');
  assert.match(blob, /^blob:/);
  // The preview is the widget with this file's text, live.
  await page.locator('#preview treatment-guide .tg-mount[data-tg-live] .tg-toggle-title', { hasText: 'Relapse, in our own words' }).waitFor();
  await screenshot(page, 'check-valid');

  // An edit re-checks the text and makes a new preview from a new blob: URL.
  content.sections[0].title = 'Relapse, edited';
  await paste(page, content);
  await page.locator('#preview treatment-guide .tg-toggle-title', { hasText: 'Relapse, edited' }).waitFor();
  assert.notEqual(await page.locator('#preview treatment-guide').getAttribute('content-src'), blob);

  // A dropped file is read and checked the same way.
  content.sections[0].title = 'Relapse, from a dropped file';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'our-content.json', { type: 'application/json' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(content));
  await page.locator('#preview treatment-guide .tg-toggle-title', { hasText: 'Relapse, from a dropped file' }).waitFor();
  assert.equal(await page.locator('#file-name').textContent(), 'our-content.json');
  assert.match(await page.locator('#summary').textContent(), /No problems found/);
  assert.deepEqual(problems, []);
  assertNothingLeft(requests);
});

test('a file with three known problems lists all three, with their paths', async () => {
  const { page, requests } = await openChecker();
  const content = clone();
  // Another name that vincristine already has (a new name, so that no mention loses its drug).
  const at = content.drugs[3].synonyms.push({ name: 'Oncovin', kind: 'brand' }) - 1;
  content.sections[8].body += '\n\n[Click me](javascript:alert(1))';
  content.sections[7].body += `- ${LONG}\n`;
  await paste(page, content);
  await page.locator('#summary', { hasText: '2 errors and 1 warning' }).waitFor();
  const found = await problemTexts(page);
  assert.equal(found.length, 3, found.join('\n'));
  assert.equal(found[0].replace(/its \d+(st|nd|rd|th) other/, 'its Nth other'),
    `Error drugs[3].synonyms[${at}].name: the 4th drug, cytarabine, its Nth other name: "Oncovin" is already a name of vincristine`);
  assert.match(found[1], /^Error sections\[8\]\.body \(line \d+ of the text\): the 9th section, "Clinical trials", its text, \d+\w\w line: the link "javascript:alert\(1\)" is not allowed/);
  assert.match(found[2], /^Warning sections\[7\]\.body \(line \d+ of the text\): the 8th section, "Supportive therapy": plain language: a sentence of 29 words, more than 25; split it: "Your doctor will check/);
  // The widget will not use such a file: the preview says so, above the standard guide.
  await page.locator('#preview treatment-guide [role="alert"]').waitFor();
  await screenshot(page, 'check-problems');

  // Not JSON at all: one error for the whole file.
  await paste(page, '{ "meta": ');
  await page.locator('#summary', { hasText: '1 error' }).waitFor();
  const notJson = await problemTexts(page);
  assert.equal(notJson.length, 1);
  assert.match(notJson[0], /^Error the whole file: the file is not valid JSON/);
  assertNothingLeft(requests);
});

test('markup in a file shows as text, in the problems and in the preview', async () => {
  const { page, problems } = await openChecker();
  const markup = '<img src=x onerror="window.__tgPwned=1">';
  const content = clone();
  content.sections[0].title = `${markup}Relapse`;
  content.sections[7].body += `- ${markup} ${LONG}\n`;
  await paste(page, content);
  await page.locator('#summary', { hasText: '1 warning' }).waitFor();
  const found = await problemTexts(page);
  assert.equal(found.length, 1);
  assert.ok(found[0].includes('split it: "<img src=x onerror="window.__tgPwned=1">'), found[0]);
  const title = page.locator('#preview treatment-guide .tg-mount[data-tg-live] .tg-toggle-title').first();
  await title.waitFor();
  assert.equal(await title.textContent(), `${markup}Relapse`);
  await page.waitForTimeout(200);
  const images = await page.evaluate(() => {
    const inShadow = [...document.querySelectorAll('treatment-guide')]
      .reduce((n, el) => n + (el.shadowRoot ? el.shadowRoot.querySelectorAll('img').length : 0), 0);
    return document.querySelectorAll('img').length + inShadow;
  });
  assert.equal(images, 0, 'no element was made from the file');
  assert.equal(await page.evaluate(() => window.__tgPwned), undefined);
  assert.deepEqual(problems, []);
});

test('after one visit the checker works offline', { timeout: 90_000 }, async () => {
  const local = await serveDist();
  const url = new URL('check.html', local.url).href;
  const { ctx, page, problems } = await openPage(env.browser, url);
  let closed = false;
  try {
    // The page registers the standalone page's service worker, which caches every file of dist/.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(async (href) => {
      const names = await caches.keys();
      return names.length === 1 && !!(await (await caches.open(names[0])).match(href));
    }, url, { polling: 200, timeout: 60_000 });
    await local.close();
    closed = true;
    await ctx.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => customElements.get('treatment-guide'));
    const content = clone();
    content.sections[0].title = 'Relapse, checked offline';
    await paste(page, content);
    await page.locator('#summary', { hasText: 'No problems found' }).waitFor();
    await page.locator('#preview treatment-guide .tg-toggle-title', { hasText: 'Relapse, checked offline' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    if (!closed) await local.close();
  }
});
