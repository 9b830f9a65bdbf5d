// The host pages of the embed's end-to-end tests (e2e/embed-*.test.mjs): dist/
// under a path prefix, host pages made up here and served as routes beside it,
// and the ways the tests reach into the widgets on them.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { DIST, SECTION_IDS, hostPage, setUp, widgetReady } from './helpers.mjs';
import { LOADER_FILE, MODULES } from '../tools/modules.mjs';
import { LISTEN_FILE, WARM_FILE } from '../tools/side-modules.mjs';

/** dist/ is served under this path prefix. */
export const PREFIX = '/tg/';
/** The loader's address on the host pages. */
export const LOADER = `${PREFIX}${LOADER_FILE}`;
/** The files of dist/. */
export const DIST_FILES = readdirSync(DIST);
/** This build's content-hashed wasm and wasm-bindgen glue, which the loader names. */
export const WASM = DIST_FILES.find((f) => MODULES.main.files.wasm.test(f));
export const GLUE = WASM?.replace(/_bg\.wasm$/, '.js');
/** The read-aloud module, which the loader imports when the page is idle after a Listen control first appears (an open section or the drug card). */
export const LISTEN = DIST_FILES.find((f) => LISTEN_FILE.test(f));
/** The warm-up worker, which the loader starts in Chromium while the code downloads (src/loader/warm.js). */
export const WARM = DIST_FILES.find((f) => WARM_FILE.test(f));

/**
 * The set-up of an embed test file: setUp with dist/ under PREFIX and the
 * host pages as routes. Returns `env` (setUp's), `routes` (the host
 * pages by path) and `route(path, page, headers)`, which adds a host page
 * and returns its URL.
 */
export function embedSetUp() {
  /** Host pages by path; tests add theirs before opening them. */
  const routes = {
    '/host-icon.svg': {
      type: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#800"/></svg>',
    },
  };
  const env = setUp({ prefix: PREFIX, routes });
  before(() => {
    const loader = readFileSync(`${DIST}${LOADER_FILE}`, 'utf8');
    assert.ok(WASM && loader.includes(WASM) && loader.includes(GLUE), 'dist/ holds a build whose loader names its glue and wasm (run make build)');
  });
  const route = (path, page, headers = {}) => {
    routes[path] = { body: page, headers };
    return new URL(path, env.server.url).href;
  };
  return { env, routes, route };
}

/** A charity's news page with its own icon (hostPage; the loader from PREFIX unless `loader: null`). */
export function newsPage({ title = 'A charity news page', head = '', ...rest } = {}) {
  return hostPage({ title, prefix: PREFIX, head: `\n<link rel="icon" href="/host-icon.svg" type="image/svg+xml">\n${head}`, ...rest });
}

export const widget = (page, n = 0) => page.locator('treatment-guide').nth(n);
export const toggle = (page, id, n = 0) => widget(page, n).locator(`[data-tg-section="${id}"] .tg-heading > button`);
export const combobox = (page, n = 0) => widget(page, n).locator('[role="combobox"]');
export const options = (page, n = 0) => widget(page, n).locator('[role="option"]');

/** Waits until widget `n` is live (its code has taken the guide over). */
export const ready = (page, n = 0) => widgetReady(widget(page, n), null);

/** aria-expanded of every section header of widget `n`, by section id. */
export async function expanded(page, n = 0) {
  return widget(page, n).locator('[data-tg-section]').evaluateAll((sections) =>
    Object.fromEntries(sections.map((s) => [s.dataset.tgSection, s.querySelector('.tg-heading > button').getAttribute('aria-expanded')])));
}

export const allClosed = Object.fromEntries(SECTION_IDS.map((id) => [id, 'false']));
export const allOpen = Object.fromEntries(SECTION_IDS.map((id) => [id, 'true']));

/** Types a query into widget `n` and returns the text of its suggestions once there are some. */
export async function lookUp(page, query, n = 0) {
  await combobox(page, n).fill(query);
  await options(page, n).first().waitFor();
  return (await options(page, n).allInnerTexts()).map((t) => t.trim());
}
