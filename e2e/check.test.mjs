// End-to-end: the content checker for web staff (dist/check.html). A file is
// pasted or dropped, checked in the page by the checker's own wasm module,
// its problems listed and the file previewed in a live widget (handed to it
// with setContent); nothing leaves the page. It runs under the README's CSP
// and from disk, and names the cause when something stops it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { offlineAfterOneVisit, newContext, setUp, serveDist, openPage, screenshot, DIST } from './helpers.mjs';

/** The built-in content in the documented format (a native test keeps it current). */
const EXAMPLE = readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8');
const clone = () => JSON.parse(EXAMPLE);
/** A sentence of 29 words: over the 25 of plain language. */
const LONG = 'Your doctor will check your blood every week or so while you have this treatment, '
  + 'and will tell you what the results mean for you and your family today.';

/** The README's recommended policy, as web staff copy it. */
const README_CSP = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  .match(/^Content-Security-Policy: (default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self')$/m)[1];

const env = setUp();

async function openChecker(url = new URL('check.html', env.server.url).href) {
  const opened = await openPage(env.browser, url);
  await opened.page.locator('#summary', { hasText: 'No file yet.' }).waitFor();
  return opened;
}

/** Whether this build's element has setContent (the preview's way in; the element's API). */
const canPreview = (page) => page.evaluate(() => typeof customElements.get('treatment-guide')?.prototype.setContent === 'function');
const PREVIEW_SKIP = 'this build of treatment-guide.js has no setContent(text) yet (the element branch adds it)';

/** Pastes a content file into the text box, as a person would. */
async function paste(page, value) {
  await page.locator('#text').fill(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

const problemTexts = (page) => page.locator('#problems li').allTextContents();

/** Every request the page made went to the server of dist/: no blob: URL, nothing elsewhere. */
function assertNothingLeft(requests) {
  const elsewhere = requests.filter((url) => !url.startsWith(env.server.url));
  assert.deepEqual(elsewhere, [], 'nothing is sent anywhere else');
}

test('a valid file shows no problems; a pasted, edited or dropped file is checked again', async () => {
  const { ctx, page, problems, requests } = await openChecker();
  const content = clone();
  content.sections[0].title = 'Relapse, in our own words';
  await paste(page, content);
  await page.locator('#summary', { hasText: 'No problems found' }).waitFor();
  assert.equal(await page.locator('#problems li').count(), 0);
  assert.equal(await page.locator('#grades li').count(), 9, 'each section has its reading grade');

  // An edit is checked again.
  content.drugs[0].synonyms.push({ name: content.drugs[1].name, kind: 'other' });
  await paste(page, content);
  await page.locator('#summary', { hasText: /^1 error/ }).waitFor();
  content.drugs[0].synonyms.pop();

  // A dropped file is read and checked the same way.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'our-content.json', { type: 'application/json' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(content));
  await page.locator('#summary', { hasText: 'No problems found' }).waitFor();
  assert.equal(await page.locator('#file-name').textContent(), 'our-content.json');
  // Only the edit with a mistake was refused by the preview (and said so in the console).
  assert.deepEqual(problems.filter((m) => !m.includes('given to setContent')), []);
  assertNothingLeft(requests);
  await ctx.close();
});

test('the checker is a module of its own: the page loads it, the widget\'s loader has no check()', async () => {
  const engines = readdirSync(DIST).filter((f) => /^check-engine-[0-9a-f]{16}\.js$/.test(f));
  assert.equal(engines.length, 1, `one engine file in dist/: ${engines}`);
  const html = readFileSync(`${DIST}check.html`, 'utf8');
  assert.ok(html.includes(`src="${engines[0]}"`), 'check.html names it');
  const { ctx, page, requests } = await openChecker();
  assert.equal(await page.evaluate(() => typeof customElements.get('treatment-guide').check), 'undefined');
  assert.ok(requests.some((u) => u.endsWith(engines[0])));
  assert.ok(!requests.some((u) => u.endsWith('.wasm')), 'no wasm fetched for the check (its bytes are in the engine script)');
  await ctx.close();
});

test('the live preview shows the file, handed to the element without any URL', async (t) => {
  const { ctx, page, problems, requests } = await openChecker();
  if (!(await canPreview(page))) return t.skip(PREVIEW_SKIP);
  const content = clone();
  content.sections[0].title = 'Relapse, in our own words';
  await paste(page, content);
  const title = (text) => page.locator('#preview treatment-guide .tg-mount[data-tg-live] .tg-toggle-title', { hasText: text });
  await title('Relapse, in our own words').waitFor();
  assert.equal(await page.locator('#preview treatment-guide').getAttribute('content-src'), null);
  await screenshot(page, 'check-valid');
  content.sections[0].title = 'Relapse, edited';
  await paste(page, content);
  await title('Relapse, edited').waitFor();
  assert.deepEqual(problems, []);
  assertNothingLeft(requests);
  await ctx.close();
});

test('under the README\'s recommended CSP, sent as a header: the check and the preview work, nothing is refused', async (t) => {
  const strict = await serveDist({ headers: { 'Content-Security-Policy': README_CSP } });
  try {
    const { ctx, page, problems } = await openChecker(new URL('check.html', strict.url).href);
    const refused = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) refused.push(m.text()); });
    const content = clone();
    content.sections[0].title = 'Relapse, under a strict policy';
    await paste(page, content);
    await page.locator('#summary', { hasText: 'No problems found' }).waitFor();
    if (await canPreview(page)) {
      await page.locator('#preview treatment-guide .tg-mount[data-tg-live] .tg-toggle-title', { hasText: 'Relapse, under a strict policy' }).waitFor();
    } else {
      t.diagnostic(`preview not checked: ${PREVIEW_SKIP}`);
    }
    assert.deepEqual(refused, []);
    assert.deepEqual(problems, []);
    await ctx.close();
  } finally {
    await strict.close();
  }
});

test('opened from disk (file://): the check works, and the preview panel says exactly what to do', async () => {
  const { ctx, page, problems } = await openChecker(`file://${DIST}check.html`);
  await paste(page, clone());
  await page.locator('#summary', { hasText: 'No problems found' }).waitFor();
  const content = clone();
  content.sections[8].body += '\n\n[Click me](javascript:alert(1))';
  await paste(page, content);
  await page.locator('#summary', { hasText: /^1 error/ }).waitFor();
  const hint = await page.locator('#preview-hint').textContent();
  assert.match(hint, /opened from disk/);
  assert.match(hint, /python3 -m http\.server 8000/);
  assert.match(hint, /http:\/\/localhost:8000\/dist\/check\.html/);
  assert.ok(await page.locator('#preview-hint').isVisible());
  assert.deepEqual(problems.filter((p) => !/treatment-guide/.test(p)), [], 'only the preview widget may complain');
  await ctx.close();
});

test('when something stops the checker, the message names the real cause', async () => {
  // A policy without 'wasm-unsafe-eval'.
  const noWasm = await serveDist({ headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" } });
  try {
    const { ctx, page } = await openChecker(new URL('check.html', noWasm.url).href);
    await paste(page, clone());
    const summary = page.locator('#summary', { hasText: 'cannot run' });
    await summary.waitFor();
    assert.match(await summary.textContent(), /Content-Security-Policy does not allow WebAssembly\. Add 'wasm-unsafe-eval'/);
    assert.doesNotMatch(await summary.textContent(), /network|CORS/i);
    await ctx.close();
  } finally {
    await noWasm.close();
  }

  // The engine file missing from the folder.
  const ctx = await newContext(env.browser);
  const page = await ctx.newPage();
  await page.route('**/check-engine-*.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(new URL('check.html', env.server.url).href);
  await page.locator('#summary', { hasText: 'No file yet.' }).waitFor();
  await paste(page, clone());
  const summary = page.locator('#summary', { hasText: 'cannot run' });
  await summary.waitFor();
  assert.match(await summary.textContent(), /its code, check-engine-[0-9a-f]{16}\.js, did not load\. It must be in the same folder as check\.html/);
  await ctx.close();
});

test('a file with three known problems lists all three, with their paths', async () => {
  const { ctx, page, requests } = await openChecker();
  const content = clone();
  // Another name that vincristine already has (a new name, so that no mention loses its drug).
  const at = content.drugs[3].synonyms.push({ name: 'Oncovin', kind: 'brand' }) - 1;
  content.sections[8].body += '\n\n[Click me](javascript:alert(1))';
  content.sections[7].body += `- ${LONG}\n`;
  // Each new statement names its place in the source, so no reference is missing.
  content.sections[8].sources.push('Clinical trials');
  content.sections[7].sources.push('Supportive therapy, list');
  await paste(page, content);
  await page.locator('#summary', { hasText: '2 errors and 1 warning' }).waitFor();
  const found = await problemTexts(page);
  assert.equal(found.length, 3, found.join('\n'));
  assert.equal(found[0].replace(/its \d+(st|nd|rd|th) other/, 'its Nth other').replace(/^Error line \d+, /, 'Error line N, '),
    `Error line N, drugs[3].synonyms[${at}].name: the 4th drug, cytarabine, its Nth other name: "Oncovin" is already a name of vincristine`);
  assert.match(found[1], /^Error line \d+, sections\[8\]\.body: the 9th section, "Clinical trials", its text, \d+\w\w line: the link "javascript:alert\(1\)" is not allowed/);
  assert.match(found[2], /^Warning line \d+, sections\[7\]\.body: the 8th section, "Supportive therapy": plain language: a sentence of 29 words, more than 25; split it: "Your doctor will check/);
  await screenshot(page, 'check-problems');

  // Not JSON at all: one error for the whole file.
  await paste(page, '{ "meta": ');
  await page.locator('#summary', { hasText: '1 error' }).waitFor();
  const notJson = await problemTexts(page);
  assert.equal(notJson.length, 1);
  assert.match(notJson[0], /^Error (line \d+, )?the whole file: the file is not valid JSON/);
  assertNothingLeft(requests);
  await ctx.close();
});

test('markup in a file shows as text, in the problems and in the preview', async (t) => {
  const { ctx, page, problems } = await openChecker();
  const markup = '<img src=x onerror="window.__tgPwned=1">';
  const content = clone();
  content.sections[0].title = `${markup}Relapse`;
  content.sections[7].body += `- ${markup} ${LONG}\n`;
  content.sections[7].sources.push('Supportive therapy, list');
  await paste(page, content);
  await page.locator('#summary', { hasText: '1 warning' }).waitFor();
  const found = await problemTexts(page);
  assert.equal(found.length, 1);
  assert.ok(found[0].includes('split it: "<img src=x onerror="window.__tgPwned=1">'), found[0]);
  if (!(await canPreview(page))) {
    await ctx.close();
    return t.skip(`preview part: ${PREVIEW_SKIP}`);
  }
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
  await ctx.close();
});

test('after one visit the checker works offline', { timeout: 90_000 }, async () => {
  const { page, problems } = await offlineAfterOneVisit(env.browser, 'check.html');
  await page.locator('#summary', { hasText: 'No file yet.' }).waitFor();
  const content = clone();
  content.sections[0].title = 'Relapse, checked offline';
  await paste(page, content);
  await page.locator('#summary', { hasText: 'No problems found' }).waitFor();
  if (await canPreview(page)) {
    await page.locator('#preview treatment-guide .tg-toggle-title', { hasText: 'Relapse, checked offline' }).waitFor();
  }
  assert.deepEqual(problems, []);
});
