// Shared set-up for the end-to-end tests: Debian's Chromium through
// playwright-core, and the built dist/ served on a free localhost port.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer } from '../tools/static-server.mjs';

const require = createRequire(import.meta.url);
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
export const AXE = require.resolve('axe-core/axe.min.js');
/** The section ids, in page order, from the exported built-in content (a native test keeps it current). */
export const SECTION_IDS = JSON.parse(
  readFileSync(new URL('../docs/content-example.json', import.meta.url), 'utf8'),
).sections.map((s) => s.id);

/** Chromium flags for this closed network (no background connections). */
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_BIN || '/usr/bin/chromium', args: ARGS, headless: true });
}

/** Serves dist/ (options as in tools/static-server.mjs). */
export function serveDist(options = {}) {
  return startServer({ root: DIST, ...options });
}

/**
 * Opens a page that records console errors, page errors and every requested URL.
 * `context` options go to browser.newContext.
 */
export async function openPage(browser, url, context = {}) {
  const ctx = await browser.newContext(context);
  const page = await ctx.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { ctx, page, problems, requests };
}

/** Waits until a widget is live: its code has taken the guide over (the loader marks it). */
export async function widgetReady(page, selector = 'treatment-guide') {
  await page.locator(`${selector} .tg-mount[data-tg-live] button[aria-expanded]`).first().waitFor();
}

/** Runs axe-core on the page (it reads open shadow roots) and returns its violations. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Saves a screenshot under e2e/artifacts/ for people to look at. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}
