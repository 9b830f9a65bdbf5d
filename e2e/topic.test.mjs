// End-to-end: a content file on another topic (nausea, two sections of its
// own ids, no interface words of its own) embedded with content-src: it is
// shown, searched, and its lookup hint names its own drug.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setUp, openPage, widgetReady, hostPage } from './helpers.mjs';

const PREFIX = '/guide/';
const FIXTURE = readFileSync(new URL('../crates/content/tests/fixtures/nausea.json', import.meta.url), 'utf8');
const page = hostPage({ title: 'Feeling sick', prefix: PREFIX, viewport: false,
  body: '<main><h1>Feeling sick</h1><treatment-guide content-src="/content/nausea.json"></treatment-guide></main>' });

const env = setUp({
  prefix: PREFIX,
  routes: {
    '/content/nausea.json': { body: FIXTURE, type: 'application/json' },
    '/host/nausea.html': { body: page },
  },
});

test('a file on another topic is shown with its own sections and searched', async () => {
  const origin = env.server.url.slice(0, -PREFIX.length);
  const { ctx, page: p, problems } = await openPage(env.browser, `${origin}/host/nausea.html`);
  try {
    await p.locator('treatment-guide [data-tg-section=feeling-sick] .tg-heading').waitFor({ timeout: 15000 });
    await widgetReady(p);
    const headings = await p.locator('treatment-guide .tg-heading').allInnerTexts();
    assert.deepEqual(headings.map((h) => h.trim()), ['Feeling sick', 'Anti-sickness medicines']);
    assert.equal(await p.locator('treatment-guide [role=alert]').count(), 0, 'no notice');
    const shadowText = await p.locator('treatment-guide .tg-mount').innerText();
    assert.match(shadowText, /such as Zofran\./, 'the hint names the file’s own drug');
    assert.doesNotMatch(shadowText, /Adriamycin|leukemia/i, 'nothing of the built-in guide');

    const box = p.locator('treatment-guide input[role=combobox]');
    await box.fill('Zofran');
    const option = p.locator('treatment-guide [role=option]').first();
    await option.waitFor();
    assert.match(await option.innerText(), /^ondansetron/);
    await box.fill('zofrn');
    await p.locator('treatment-guide [role=option]', { hasText: 'ondansetron' }).first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
  }
});
