// End-to-end: reading aloud with the device's own voices. The browser's
// speech engine is replaced by a recording fake (fake-speech.mjs) with a
// local and a network voice per language, which fires `start`, word
// `boundary` and `end` events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, newContext, widgetReady, axeViolations, hostPage } from './helpers.mjs';
import { fakeSpeech, VOICES } from '../tools/fake-speech.mjs';

const PREFIX = '/tg/';
const routes = {};
const env = setUp({ prefix: PREFIX, routes });

function host(path, { lang = 'en', body = '<treatment-guide></treatment-guide>' } = {}) {
  routes[path] = {
    body: hostPage({ lang, title: 'Page', prefix: PREFIX, body: `<main><h1>Article</h1>${body}</main>` }),
  };
  return `${env.origin()}${path}`;
}

/** A page with the fake engine (`voices`, `hold`), recording errors and requests. */
async function open(url, { voices = VOICES.en, hold = false, viewport } = {}) {
  const ctx = await newContext(env.browser, viewport ? { viewport } : {});
  await ctx.addInitScript(fakeSpeech, { voices, hold });
  const page = await ctx.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await widgetReady(page);
  return { page, problems, requests };
}

const widget = (page, n = 0) => page.locator('treatment-guide').nth(n);
const section = (page, id, n = 0) => widget(page, n).locator(`[data-tg-section="${id}"]`);
const toggle = (page, id, n = 0) => section(page, id, n).locator('.tg-heading > button');
const controls = (scope) => scope.locator('.tg-listen');
const record = (page) => page.evaluate(() => ({ calls: window.__speech.calls.map((c) => c.name), spoken: window.__speech.spoken }));
const step = (page, n = 1) => page.evaluate((n) => { for (let i = 0; i < n; i++) window.__speech.step(); }, n);
/** The text of each custom highlight of the page, by name ('' when none). */
const highlights = (page) => page.evaluate(() => Object.fromEntries(['tg-listen-sentence', 'tg-listen-word']
  .map((name) => [name, CSS.highlights.has(name) ? [...CSS.highlights.get(name)].map((r) => r.toString()).join('|') : ''])));
/** What a reader sees of a section or card, in order, without the read-aloud controls: the expected reading. */
const visibleText = (scope) => scope.evaluate((root) => {
  const copy = root.cloneNode(true);
  copy.querySelectorAll('.tg-listen').forEach((e) => e.remove());
  const holder = document.createElement('div');
  holder.append(copy);
  root.getRootNode().append(holder);
  const text = copy.innerText;
  holder.remove();
  return text.replace(/\s+/g, ' ').trim();
});
const spokenText = (spoken) => spoken.map((s) => s.text).join(' ').replace(/\s+/g, ' ').trim();
const idle = (scope) => scope.locator('[data-tg-listen="idle"]').waitFor();

test('reads an open section as a reader sees it, with the local voice only, never the network default', async () => {
  const { page, problems, requests } = await open(host('/read.html'));
  const chemo = section(page, 'chemotherapy');
  await page.waitForTimeout(300);
  assert.ok(!requests.some((u) => /listen-[0-9a-f]{16}\.js/.test(u)), 'the read-aloud code is not loaded while no Listen button shows');
  await toggle(page, 'chemotherapy').click();
  const listen = chemo.getByRole('button', { name: 'Listen to Chemotherapy' });
  await listen.waitFor();
  assert.equal(await listen.innerText(), 'Listen');
  await listen.click();
  await page.waitForFunction(() => window.__speech.spoken.length > 3 && !window.speechSynthesis.speaking);
  await idle(chemo);
  const { spoken } = await record(page);
  assert.ok(spoken.every((s) => s.voice === 'device-en-GB' && s.lang === 'en-GB'), `the local voice: ${JSON.stringify(spoken.map((s) => s.voice))}`);
  assert.equal(spoken[0].text, 'Chemotherapy', 'the heading first');
  assert.equal(spokenText(spoken), await visibleText(chemo), 'the text read is the visible text, in reading order');
  assert.ok(spoken.length > 10, `one utterance a sentence: ${spoken.length}`);
  assert.ok(requests.filter((u) => /listen-[0-9a-f]{16}\.js/.test(u)).length === 1, 'loaded once');
  // A site with a read-aloud service of its own hides the guide's.
  await page.addStyleTag({ content: 'treatment-guide::part(listen) { display: none; }' });
  assert.equal(await listen.isVisible(), false);
  assert.deepEqual(problems, []);
});

test('the drug card is read: name, kind, names and sections, not its Close button', async () => {
  const { page, problems } = await open(host('/card.html'));
  await widget(page).locator('[role=combobox]').fill('Adriamycin');
  await widget(page).locator('[role=option]').first().click();
  const card = widget(page).locator('.tg-card');
  await card.getByRole('button', { name: 'Listen to doxorubicin' }).click();
  await page.waitForFunction(() => window.__speech.spoken.length > 3 && !window.speechSynthesis.speaking);
  await idle(card);
  const { spoken } = await record(page);
  assert.equal(spoken[0].text, 'doxorubicin');
  const shown = (await visibleText(card)).replace(/^doxorubicin Close /, 'doxorubicin ');
  assert.equal(spokenText(spoken), shown);
  assert.ok(!spoken.some((s) => s.text === 'Close'));
  assert.deepEqual(problems, []);
});

test('the highlight follows the sentence and the word boundaries; pause, resume, slower and stop', async () => {
  const { page, problems } = await open(host('/steps.html'), { hold: true });
  const chemo = section(page, 'chemotherapy');
  await toggle(page, 'chemotherapy').click();
  const main = chemo.locator('.tg-listen-main');
  await main.click();
  await page.waitForFunction(() => window.__speech.spoken.length === 1);
  await step(page); // start of the heading
  assert.deepEqual(await highlights(page), { 'tg-listen-sentence': 'Chemotherapy', 'tg-listen-word': '' });
  await step(page); // its one word
  assert.equal((await highlights(page))['tg-listen-word'], 'Chemotherapy');
  await step(page); // end: the next sentence is queued
  await page.waitForFunction(() => window.__speech.spoken.length === 2);
  const second = (await record(page)).spoken[1].text;
  await step(page, 3); // start, then two words
  const words = second.split(/\s+/);
  assert.deepEqual(await highlights(page), { 'tg-listen-sentence': second, 'tg-listen-word': words[1] });
  // The main button now pauses; its name says so.
  assert.equal(await main.getAttribute('aria-label'), null);
  assert.equal(await main.innerText(), 'Pause');
  await main.click();
  assert.equal(await main.innerText(), 'Resume');
  assert.equal(await page.evaluate(() => window.speechSynthesis.paused), true);
  await main.click();
  assert.equal(await main.innerText(), 'Pause');
  assert.deepEqual((await record(page)).calls.slice(-2), ['pause', 'resume']);
  // Slower: the sentence starts again at the slower rate.
  const slower = chemo.getByRole('button', { name: 'Slower' });
  assert.equal(await slower.getAttribute('aria-pressed'), 'false');
  await slower.click();
  assert.equal(await slower.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => window.__speech.spoken.length === 3);
  const again = (await record(page)).spoken[2];
  assert.deepEqual([again.text, again.rate], [second, 0.75]);
  // Stop: the engine is cancelled, the highlight goes, the control is one button again, focus on it.
  await chemo.getByRole('button', { name: 'Stop' }).focus();
  await page.keyboard.press('Enter');
  await idle(chemo);
  assert.equal((await record(page)).calls.at(-1), 'cancel');
  assert.deepEqual(await highlights(page), { 'tg-listen-sentence': '', 'tg-listen-word': '' });
  assert.equal(await chemo.locator('.tg-listen button').count(), 1);
  assert.equal(await main.evaluate((b) => b.getRootNode().activeElement === b), true, 'focus stays on the control');
  // The speed is kept for the page's lifetime: the next reading is slower too.
  await main.click();
  await page.waitForFunction(() => window.__speech.spoken.length === 4);
  assert.equal((await record(page)).spoken[3].rate, 0.75);
  assert.deepEqual(problems, []);
});

test('opening another section, or a drug card, stops the reading', async () => {
  const { page } = await open(host('/other.html'), { hold: true });
  const chemo = section(page, 'chemotherapy');
  await toggle(page, 'chemotherapy').click();
  await chemo.locator('.tg-listen-main').click();
  await page.waitForFunction(() => window.__speech.spoken.length === 1);
  await step(page);
  await toggle(page, 'targeted-therapy').click();
  await idle(chemo);
  assert.equal((await record(page)).calls.at(-1), 'cancel');
  assert.deepEqual(await highlights(page), { 'tg-listen-sentence': '', 'tg-listen-word': '' });
  // Again, then the card.
  await chemo.locator('.tg-listen-main').click();
  await chemo.locator('[data-tg-listen="speaking"]').waitFor();
  await widget(page).locator('[role=combobox]').fill('Ara-C');
  await widget(page).locator('[role=option]').first().click();
  await idle(chemo);
  assert.equal((await record(page)).calls.at(-1), 'cancel');
  // Closing the section being read stops it too.
  await chemo.locator('.tg-listen-main').click();
  await chemo.locator('[data-tg-listen="speaking"]').waitFor();
  const before = (await record(page)).calls.length;
  await toggle(page, 'chemotherapy').click();
  await page.waitForFunction((n) => window.__speech.calls.length > n, before);
  assert.equal((await record(page)).calls.at(-1), 'cancel');
});

test('two widgets on a page: one speaker at a time', async () => {
  const { page, problems } = await open(host('/two.html', { body: '<treatment-guide></treatment-guide><treatment-guide></treatment-guide>' }), { hold: true });
  await widgetReady(page.locator('treatment-guide').nth(1), null);
  await toggle(page, 'chemotherapy', 0).click();
  await toggle(page, 'immunotherapy', 1).click();
  const first = section(page, 'chemotherapy', 0);
  const second = section(page, 'immunotherapy', 1);
  await first.locator('.tg-listen-main').click();
  await first.locator('[data-tg-listen="speaking"]').waitFor();
  await second.locator('.tg-listen-main').click();
  await second.locator('[data-tg-listen="speaking"]').waitFor();
  await idle(first);
  const { calls, spoken } = await record(page);
  assert.deepEqual(calls.filter((c) => c !== 'resume'), ['cancel', 'speak', 'cancel', 'cancel', 'speak']);
  assert.deepEqual(spoken.map((s) => s.text), ['Chemotherapy', 'Immunotherapy and CAR T-cell therapy']);
  assert.equal(await page.locator('treatment-guide').evaluateAll((all) => all.map((w) => w.shadowRoot.querySelectorAll('[data-tg-listen="speaking"]').length).reduce((a, b) => a + b)), 1);
  assert.deepEqual(problems, []);
});

test('no control without a local voice in the guide\'s language (none at all, network only, or another language)', async () => {
  for (const [name, voices] of [['none', []], ['network only', VOICES.en.filter((v) => !v.localService)], ['French only', VOICES.fr]]) {
    const { page, problems } = await open(host(`/none-${name.replace(/ /g, '-')}.html`), { voices });
    await toggle(page, 'chemotherapy').click();
    await section(page, 'chemotherapy').locator('.tg-panel p').first().waitFor();
    // The read-aloud module looks at the voices once they are listed (voiceschanged).
    await page.waitForFunction(() => window.__speech.loaded);
    await page.waitForTimeout(100);
    assert.equal(await widget(page).locator('.tg-listen:visible').count(), 0, name);
    assert.equal(await widget(page).getByRole('button', { name: /Listen/ }).count(), 0, name);
    // The open section's control keeps its place, unseen (the text does not move);
    // a section opened now has no control at all, and no room kept for one.
    const kept = controls(section(page, 'chemotherapy'));
    assert.deepEqual(await kept.evaluate((c) => [c.hidden, getComputedStyle(c).visibility]), [false, 'hidden'], name);
    await toggle(page, 'targeted-therapy').click();
    assert.equal(await controls(section(page, 'targeted-therapy')).evaluate((c) => c.hidden), true, name);
    assert.deepEqual(problems, [], name);
  }
});

test('a control appears in an already open section without moving the text (CLS 0)', async () => {
  const url = host('/cls.html', { body: '<treatment-guide open="chemotherapy"></treatment-guide><p>After.</p>' });
  // Each page: the shifts the browser reports from just before the control appears.
  const measure = async (reserve) => {
    const ctx = await newContext(env.browser);
    // The voices are listed late, as a slow engine would: the control shows well after the guide.
    await ctx.addInitScript(fakeSpeech, { voices: VOICES.en, voicesMs: 1500 });
    await ctx.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput, at: e.startTime, sources: e.sources.map((s) => `${s.node && s.node.nodeName} ${s.node && (s.node.className || s.node.textContent || '').slice(0, 40)} ${JSON.stringify([s.previousRect.y, s.previousRect.height, s.currentRect.y, s.currentRect.height])}`) });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await ctx.newPage();
    await page.goto(url);
    await widgetReady(page);
    const control = controls(section(page, 'chemotherapy'));
    if (!reserve) {
      // The same page without the reserved place: the control takes no room until it shows.
      await control.evaluate((c) => {
        const style = document.createElement('style');
        style.textContent = '.tg-listen:not([data-tg-listen]) { display: none; }';
        c.getRootNode().append(style);
      });
    }
    assert.equal(await control.getAttribute('data-tg-listen'), null, 'not shown yet');
    const before = await page.evaluate(() => performance.now());
    const listen = section(page, 'chemotherapy').getByRole('button', { name: 'Listen to Chemotherapy' });
    await listen.waitFor();
    // Two frames for the browser to report a shift.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shifts = (await page.evaluate(() => window.__shifts)).filter((s) => s.at > before);
    await ctx.close();
    return { shifts, cls: shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0) };
  };
  const reserved = await measure(true);
  assert.equal(reserved.cls, 0, `no shift: ${JSON.stringify(reserved.shifts)}`);
  // The measure can see a shift: without the reserved place, the text below moves when the control shows.
  const unreserved = await measure(false);
  assert.ok(unreserved.cls > 0, `without the reserved place the text moves: ${JSON.stringify(unreserved.shifts)}`);
});

test('one Tab stop per open section; arrows move within the controls while reading', async () => {
  const { page } = await open(host('/keys.html'), { hold: true });
  const chemo = section(page, 'chemotherapy');
  await toggle(page, 'chemotherapy').click();
  await chemo.locator('.tg-listen-main').waitFor();
  await toggle(page, 'chemotherapy').focus();
  const focused = () => page.evaluate(() => {
    const a = document.querySelector('treatment-guide').shadowRoot.activeElement;
    return a && (a.getAttribute('aria-label') || a.textContent.trim());
  });
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Listen to Chemotherapy');
  await page.keyboard.press('Enter');
  await chemo.locator('[data-tg-listen="speaking"]').waitFor();
  assert.equal(await focused(), 'Pause');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'Stop');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'Slower');
  await page.keyboard.press('Home');
  assert.equal(await focused(), 'Pause');
  // Tab leaves the controls at once: the next stop is in the text.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('treatment-guide').shadowRoot.activeElement.classList.contains('tg-mention-word')));
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'Pause');
  await page.keyboard.press('Escape');
  await idle(chemo);
  assert.equal(await focused(), 'Listen to Chemotherapy');
});

test('axe finds nothing with the controls present, in English and in French', async () => {
  for (const [lang, voices, name] of [['en', VOICES.en, 'Listen to Chemotherapy'], ['fr-CA', VOICES.fr, 'Écouter Chimiothérapie']]) {
    const { page, problems } = await open(host(`/axe-${lang}.html`, { lang }), { voices, hold: true });
    await toggle(page, 'chemotherapy').click();
    const listen = section(page, 'chemotherapy').getByRole('button', { name });
    await listen.waitFor();
    assert.deepEqual(await axeViolations(page), [], `${lang}, idle`);
    await listen.click();
    await page.waitForFunction(() => window.__speech.spoken.length === 1);
    await step(page, 2);
    if (lang === 'fr-CA') assert.equal((await record(page)).spoken[0].voice, 'device-fr-CA');
    assert.deepEqual(await axeViolations(page), [], `${lang}, reading`);
    assert.deepEqual(problems, []);
  }
});
