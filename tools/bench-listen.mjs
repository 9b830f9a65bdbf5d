// `make bench` (read aloud): how long a reader waits for speech after pressing
// Listen, in headless Chromium at CPU 4× slower (CDP), with the recording
// speech engine of the tests (tools/fake-speech.mjs: speech starts when the
// page calls speechSynthesis.speak()). Prints one figure a line as
// `name: value unit`, medians over RUNS fresh visits of the standalone page:
//
//   listen_time_to_speech_first_cpu4_ms   the first press on the page, READER_MS
//                                         after its button showed (the module
//                                         loads when the page is idle): the
//                                         section's text read and its first
//                                         sentence spoken
//   listen_time_to_speech_again_cpu4_ms   a press on another section, the module loaded
//   listen_time_to_speech_first_phone_ms  the first press on a phone profile:
//                                         CPU 4×, 150 ms round trip, 1.6 Mbit/s
//
// A benchmark, not a test: it always exits 0.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveInChild } from './serve-child.mjs';
import { PHONE_NETWORK, launch } from './browser.mjs';
import { median } from './stats.mjs';
import { fakeSpeech, VOICES } from './fake-speech.mjs';

const DIR = process.argv[2] || fileURLToPath(new URL('../dist/', import.meta.url));
const RUNS = 5;
/** Between the button showing and the press: the quickest of readers (ms). */
const READER_MS = 300;

/** Records the time of every press (a click reaching the document, from inside the widget too). */
function pressClock() {
  window.__pressedAt = null;
  document.addEventListener('click', () => { window.__pressedAt = performance.now(); }, true);
}

/** Press → first speak() of the press, in ms. */
async function pressAndWait(page, section) {
  const widget = page.locator('treatment-guide');
  const before = await page.evaluate(() => window.__speech.calls.filter((c) => c.name === 'speak').length);
  await widget.locator(`[data-tg-section="${section}"] .tg-heading > button`).click();
  const listen = widget.locator(`[data-tg-section="${section}"] .tg-listen-main`);
  await listen.waitFor();
  // A reader sees the button before pressing it (the page is idle meanwhile).
  await page.waitForTimeout(READER_MS);
  await listen.click();
  await page.waitForFunction((n) => window.__speech.calls.filter((c) => c.name === 'speak').length > n, before);
  return page.evaluate((n) => window.__speech.calls.filter((c) => c.name === 'speak')[n].at - window.__pressedAt, before);
}

async function visit(browser, url, network) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await ctx.addInitScript(fakeSpeech, { voices: VOICES.en, hold: true });
    await ctx.addInitScript(pressClock);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await page.goto(url);
    await page.locator('treatment-guide .tg-mount[data-tg-live] button[aria-expanded]').first().waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
    }
    const first = await pressAndWait(page, 'chemotherapy');
    const again = await pressAndWait(page, 'immunotherapy');
    return { first, again };
  } finally {
    await ctx.close();
  }
}

async function main() {
  if (!existsSync(`${DIR}/index.html`)) {
    console.error(`bench-listen: no ${DIR}/index.html; run make build first`);
    return;
  }
  const server = await serveInChild(DIR, { gzip: true });
  let browser;
  try {
    browser = await launch();
    await visit(browser, server.url, false); // warm-up, not counted
    const local = [];
    const phone = [];
    for (let i = 0; i < RUNS; i += 1) {
      local.push(await visit(browser, server.url, false));
      phone.push(await visit(browser, server.url, true));
    }
    const ms = (v) => v.toFixed(1);
    console.log(`listen_time_to_speech_first_cpu4_ms: ${ms(median(local.map((r) => r.first)))} ms (budget 100)`);
    console.log(`listen_time_to_speech_again_cpu4_ms: ${ms(median(local.map((r) => r.again)))} ms (budget 100)`);
    console.log(`listen_time_to_speech_first_phone_ms: ${ms(median(phone.map((r) => r.first)))} ms`);
  } finally {
    await browser?.close();
    await server.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench-listen: ${error.stack || error}`);
}
process.exit(0);
