// Takes the README's pictures from the built dist/: the widget at 375 px wide
// with the doxorubicin card open, in English (docs/screenshot.png) and in
// French (docs/screenshot-fr.png). Run `make build` first, then
// `node tools/readme-screenshots.mjs`.
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { startServer } from './static-server.mjs';
import { LOADER_FILE } from './modules.mjs';

const PREFIX = '/tg/';
const WIDTH = 375;
const SHOTS = [
  { lang: 'en', query: 'doxorubicin', out: 'screenshot.png' },
  { lang: 'fr', query: 'doxorubicine', out: 'screenshot-fr.png' },
];

const routes = { '/favicon.ico': { status: 204, body: '', type: 'image/x-icon' } };
const server = await startServer({ root: fileURLToPath(new URL('../dist/', import.meta.url)), prefix: PREFIX, routes });
const browser = await launch();
try {
  for (const { lang, query, out } of SHOTS) {
    const path = `/readme-${lang}.html`;
    routes[path] = {
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>treatment-guide</title>
<style>body { margin: 0; padding: 12px; font-family: system-ui, sans-serif; background: #fff; }</style>
<script src="${PREFIX}${LOADER_FILE}" defer></script></head>
<body><treatment-guide></treatment-guide></body></html>`,
    };
    const ctx = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await page.goto(`${server.url.slice(0, -PREFIX.length)}${path}`);
    await page.locator('treatment-guide .tg-mount[data-tg-live] button[aria-expanded]').first().waitFor();
    const input = page.locator('treatment-guide input[role=combobox]');
    await input.pressSequentially(query);
    await page.locator('treatment-guide [role=listbox]:not([hidden]) [role=option]').first().waitFor();
    await input.press('ArrowDown');
    await input.press('Enter');
    await page.locator('treatment-guide [data-tg-drug-card]').waitFor();
    await input.blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = fileURLToPath(new URL(`../docs/${out}`, import.meta.url));
    await page.locator('treatment-guide').screenshot({ path: file });
    console.log(`wrote docs/${out}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
