// Takes the read-aloud pictures from the built dist/: the chemotherapy section
// being read at 375 px wide, paused at a word boundary of its third sentence
// (the tests' recording speech engine, tools/fake-speech.mjs), with the sentence
// and the word highlighted, in light and dark mode
// (docs/screenshots/listen-375-light.png, listen-375-dark.png).
// Run `make build` first, then `node tools/listen-screenshots.mjs`.
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { startServer } from './static-server.mjs';
import { LOADER_FILE } from './modules.mjs';
import { fakeSpeech, VOICES } from './fake-speech.mjs';

const PREFIX = '/tg/';
const routes = {
  '/favicon.ico': { status: 204, body: '', type: 'image/x-icon' },
  '/listen.html': {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>treatment-guide</title>
<style>body { margin: 0; padding: 12px; font-family: system-ui, sans-serif; } @media (prefers-color-scheme: dark) { body { background: #0b1117; } }</style>
<script src="${PREFIX}${LOADER_FILE}" defer></script></head>
<body><treatment-guide></treatment-guide></body></html>`,
  },
};
const server = await startServer({ root: fileURLToPath(new URL('../dist/', import.meta.url)), prefix: PREFIX, routes });
const browser = await launch();
try {
  for (const scheme of ['light', 'dark']) {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 1, colorScheme: scheme });
    await ctx.addInitScript(fakeSpeech, { voices: VOICES.en, hold: true });
    const page = await ctx.newPage();
    await page.goto(`${server.url.slice(0, -PREFIX.length)}/listen.html`);
    const widget = page.locator('treatment-guide');
    await widget.locator('.tg-mount[data-tg-live] button[aria-expanded]').first().waitFor();
    const chemo = widget.locator('[data-tg-section="chemotherapy"]');
    await chemo.locator('.tg-heading > button').click();
    await chemo.locator('.tg-listen-main').click();
    // The heading and the summary, then the first words of the third sentence.
    for (const n of [1, 2, 3]) {
      await page.waitForFunction((n) => window.__speech.spoken.length === n, n);
      await page.evaluate((last) => {
        const words = window.__speech.spoken.at(-1).text.split(/\s+/).length;
        for (let i = 0; i < (last ? 5 : words + 2); i++) window.__speech.step();
      }, n === 3);
    }
    await chemo.locator('.tg-listen-main').blur();
    await chemo.scrollIntoViewIfNeeded();
    const file = fileURLToPath(new URL(`../docs/screenshots/listen-375-${scheme}.png`, import.meta.url));
    const box = await chemo.boundingBox();
    await page.screenshot({ path: file, clip: { x: 0, y: Math.max(0, box.y - 12), width: 375, height: 520 } });
    console.log(`wrote docs/screenshots/listen-375-${scheme}.png`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
