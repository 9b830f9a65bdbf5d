// End-to-end: a charity's own content file (content-src), every way it can
// fail with its own message, hostile content, and failure containment.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setUp, newContext, openPage, widgetReady } from './helpers.mjs';

const PREFIX = '/guide/';
/** Host pages and content files by path, filled in once the content is exported. */
const routes = {};
const env = setUp({ prefix: PREFIX, routes });
let exported;

const page = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script src="${PREFIX}treatment-guide.js" defer></script></head>
<body><main><h1>Host page</h1><treatment-guide ${attrs}></treatment-guide>
<treatment-guide id="second"></treatment-guide></main></body></html>`;

const json = (value) => ({ body: JSON.stringify(value), type: 'application/json' });
const clone = () => JSON.parse(JSON.stringify(exported));

function nested(depth) {
  let value = '"x"';
  for (let i = 0; i < depth; i += 1) value = `[${value}]`;
  return value;
}

const fixtures = () => {
  const renamed = clone();
  renamed.sections[1].title = 'Chemotherapy (our charity’s words)';
  renamed.drugs[0].synonyms.push({ name: 'VCR', kind: 'abbreviation' });
  const duplicate = clone();
  duplicate.drugs[3].synonyms[1].name = 'Oncovin';
  const wrongType = clone();
  wrongType.sections[0].title = 42;
  const hostileTitle = clone();
  hostileTitle.sections[0].title = '<img src=x onerror="window.pwned=1">Relapse';
  const badLink = clone();
  badLink.sections[8].body += '\n\n[Click me](javascript:alert(1))';
  const huge = clone();
  huge.sections[0].body = 'x'.repeat(3 * 1024 * 1024);
  const longField = clone();
  longField.drugs[0].name = 'v'.repeat(100000);
  return {
    '/content/good.json': json(renamed),
    '/content/duplicate.json': json(duplicate),
    '/content/wrong-type.json': json(wrongType),
    '/content/hostile-title.json': json(hostileTitle),
    '/content/bad-link.json': json(badLink),
    '/content/huge.json': json(huge),
    '/content/long-field.json': json(longField),
    '/content/not-json.json': { body: '<html>Oops, an error page</html>', type: 'text/html' },
    '/content/deep.json': { body: `{"meta": ${nested(5000)}}`, type: 'application/json' },
    '/content/slow.json': { hang: true },
    '/content/gone.json': { status: 404, body: 'not found', type: 'text/plain' },
  };
};

before(async () => {
  await env.ready();
  exported = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'content-check', '--', '--export', 'content'], { encoding: 'utf8' }));
  Object.assign(routes, fixtures());
  for (const name of ['good', 'duplicate', 'wrong-type', 'hostile-title', 'bad-link', 'huge', 'long-field', 'not-json', 'deep', 'slow', 'gone']) {
    routes[`/host/${name}.html`] = { body: page(`content-src="/content/${name}.json"`) };
  }
  routes['/host/unreachable.html'] = { body: page('content-src="http://127.0.0.1:9/content.json"') };
  routes['/host/plain.html'] = { body: page('') };
  routes['/favicon.ico'] = { status: 204, body: '', type: 'image/x-icon' };
  routes['/host/no-wasm.html'] = { body: page('').replaceAll(PREFIX, '/broken/') };
  const loader = await (await fetch(`${env.server.url}treatment-guide.js`)).text();
  routes['/broken/treatment-guide.js'] = { body: loader, type: 'text/javascript' };
});

const origin = () => env.origin();
const first = 'treatment-guide:not(#second)';

async function notice(p) {
  const alert = p.locator(`${first} [role=alert]`);
  await alert.waitFor({ timeout: 15000 });
  return alert.innerText();
}

async function builtInStillShown(p) {
  await widgetReady(p, first);
  assert.equal(await p.locator(`${first} .tg-heading > button`).count(), 9);
  assert.match(await p.locator(`${first} [data-tg-section=chemotherapy] .tg-heading`).innerText(), /^Chemotherapy$/);
}

test('a valid content file replaces the built-in content', async () => {
  const { page: p, problems } = await openPage(env.browser, `${origin()}/host/good.html`);
  await p.locator(`${first} [data-tg-section=chemotherapy] .tg-heading`).getByText('our charity').waitFor();
  assert.equal(await p.locator(`${first} [role=alert]`).count(), 0);
  await p.locator(`${first} input[role=combobox]`).fill('VCR');
  assert.match(await p.locator(`${first} [role=option]`).first().innerText(), /^vincristine/);
  assert.match(await p.locator('#second [data-tg-section=chemotherapy] .tg-heading').innerText(), /^Chemotherapy$/, 'the other widget keeps its own content');
  assert.deepEqual(problems, []);
});

/** The content reader's two files (tools/module-build.mjs) among requested URLs. */
const readerFiles = (requests) => requests.map((url) => new URL(url).pathname.split('/').pop())
  .filter((name) => /^content-reader-[0-9a-f]{16}\.(js|wasm)$/.test(name));

test('only a widget with a content file loads the content reader, once a page', async () => {
  const plain = await openPage(env.browser, `${origin()}/host/plain.html`);
  await widgetReady(plain.page, first);
  await widgetReady(plain.page, '#second');
  assert.deepEqual(readerFiles(plain.requests), [], 'default widgets never request the content reader');

  const good = await openPage(env.browser, `${origin()}/host/good.html`);
  await good.page.locator(`${first} [data-tg-section=chemotherapy] .tg-heading`).getByText('our charity').waitFor();
  await widgetReady(good.page, '#second');
  const files = readerFiles(good.requests);
  assert.deepEqual(files.map((f) => f.split('.').pop()).sort(), ['js', 'wasm'], `its glue and wasm, once: ${files}`);
  assert.deepEqual(good.problems, []);
});

/** The reader's notice in English (content/meta.toml `content_error`). */
const PLAIN = "Sorry, this site's own version of the treatment guide could not be loaded. Please try again later.";

// Each cause, its own message (in the console, and on the page with `debug`), and
// whether the built-in guide stands in: only for a file that is an edition of it
// (read as JSON, with the built-in's section ids).
const failures = [
  ['duplicate', /the 4th drug, cytarabine, its 2nd other name: "Oncovin" is already a name of vincristine/, true],
  ['wrong-type', /sections, 1st item "relapsed-and-refractory", title should be a text, not a number/, true],
  ['not-json', /not valid JSON/, false],
  ['huge', /more than the 2048 KiB/, false],
  ['long-field', /the 1st drug, v{40}…, its name: is 100000 characters long; at most 300 are allowed/, true],
  ['bad-link', /the link "javascript:alert\(1\)?" is not allowed/, true],
  ['deep', /not valid JSON: it is nested more than 32 levels deep/, false],
  ['gone', /HTTP 404/, false],
  ['unreachable', /could not be reached/, false],
  ['slow', /did not arrive within 10 seconds/, false],
];
for (const [name, message, standIn] of failures) {
  test(`content-src failure "${name}": a plain notice, its own message in the console, ${standIn ? 'the built-in guide below' : 'no guide'}`, async () => {
    const { page: p, problems } = await openPage(env.browser, `${origin()}/host/${name}.html`);
    assert.equal(await notice(p), PLAIN);
    assert.ok(problems.some((m) => m.includes('treatment-guide:') && message.test(m)), `the console says why: ${problems.join(' | ')}`);
    if (standIn) {
      await builtInStillShown(p);
      assert.match(problems.join('\n'), /so the standard guide is shown instead/);
    } else {
      await p.locator(`${first} .tg-mount[data-tg-live]`).waitFor();
      assert.equal(await p.locator(`${first} .tg-section`).count(), 0, 'no guide stands in');
    }
  });
}

test('when the content reader cannot load, the notice is the plain one and the console says why', async () => {
  const p = await (await newContext(env.browser)).newPage();
  const problems = [];
  p.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await p.route(/content-reader-[0-9a-f]{16}\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await p.goto(`${origin()}/host/good.html`);
  assert.equal(await notice(p), PLAIN);
  assert.ok(problems.some((m) => /content file \/content\/good\.json could not be used: the code that reads content files could not be loaded/.test(m)),
    `the console says why: ${problems.join(' | ')}`);
  await p.locator(`${first} .tg-mount[data-tg-live]`).waitFor();
  assert.equal(await p.locator(`${first} .tg-section`).count(), 0, 'nothing was read, so nothing stands in');
});

test('markup in content is shown as text, never run', async () => {
  const { page: p } = await openPage(env.browser, `${origin()}/host/hostile-title.html`);
  const title = p.locator(`${first} [data-tg-section=relapsed-and-refractory] .tg-heading`);
  await title.getByText('<img').waitFor();
  assert.equal(await p.locator(`${first} img`).count(), 0);
  assert.equal(await p.evaluate(() => window.pwned), undefined);
});

test('each widget runs its own instance of the code, so a failure stays in that widget', async () => {
  const { page: p, problems } = await openPage(env.browser, `${origin()}/host/plain.html`);
  await widgetReady(p, first);
  await widgetReady(p, '#second');
  const instances = await p.evaluate(() => {
    const glues = [...document.querySelectorAll('treatment-guide')].map((element) => element._state.glue);
    return { count: glues.length, distinct: new Set(glues).size, trapped: glues.filter((glue) => glue.trapped()).length };
  });
  assert.deepEqual(instances, { count: 2, distinct: 2, trapped: 0 });
  const errors = p.evaluate(() => new Promise((resolve) => {
    document.querySelector('treatment-guide').addEventListener('tg-error', (e) => resolve(e.detail), { once: true });
  }));
  // A fault in the first widget's code: a call that reads far outside its memory
  // traps, as a panic does in the release build (it stops at once).
  const call = await p.evaluate(() => {
    const element = document.querySelector('treatment-guide');
    element._state.widget.__wbg_ptr = 0xfffffff0;
    return element.openSection('chemotherapy').then(() => 'resolved', (e) => e.constructor.name);
  });
  assert.equal(call, 'RuntimeError', 'the failed call fails');
  const detail = await errors;
  assert.equal(detail.kind, 'crash');
  assert.match(detail.message, /^treatment-guide: internal error/);
  const notice = p.locator(`${first} .tg-crash[role=alert]`);
  await notice.waitFor();
  assert.match(await notice.innerText(), /^Sorry, something went wrong/);
  // The reader keeps the text: the plain guide, every section readable.
  assert.ok(await p.locator(`${first} [data-tg-section="chemotherapy"] .tg-panel`).isVisible());
  assert.equal(await p.locator(`${first} button, ${first} input`).count(), 0, 'no dead controls');
  assert.equal(await p.locator(first).evaluate((e) => e._state.glue.trapped()), true);
  // The other widget and the host page go on.
  await p.locator('#second input[role=combobox]').fill('Kymriah');
  assert.match(await p.locator('#second [role=option]').first().innerText(), /^tisagenlecleucel/);
  assert.equal(await p.evaluate(() => document.querySelector('#second')._state.glue.trapped()), false);
  assert.deepEqual(problems.filter((m) => !/internal error|RuntimeError|memory access out of bounds/.test(m)), []);
  // A change of attribute gives the failed widget a fresh instance: it is live again.
  await p.locator(first).evaluate((e) => e.setAttribute('open', 'chemotherapy'));
  await widgetReady(p, first);
  assert.equal(await p.locator(`${first} [data-tg-section="chemotherapy"] .tg-heading > button`).getAttribute('aria-expanded'), 'true');
});

test('when the WebAssembly cannot load, the element says so and keeps the whole text readable', async () => {
  const { page: p, problems } = await openPage(env.browser, `${origin()}/host/no-wasm.html`);
  const note = p.locator('treatment-guide .tg-static-note').first();
  await note.waitFor();
  assert.match(await note.innerText(), /drug search could not be loaded/);
  const panels = p.locator('treatment-guide').first().locator('.tg-panel');
  assert.equal(await panels.count(), 9);
  for (const panel of await panels.all()) assert.ok(await panel.isVisible(), 'every section is open');
  assert.equal(await p.locator('treatment-guide').first().locator('button, input').count(), 0, 'no control that cannot work');
  assert.ok(problems.some((m) => m.includes('could not be loaded')), 'the console says why');
});
