// End-to-end: theming in both colour schemes. The widget follows the
// reader's scheme; a host that sets only --tg-accent keeps 4.5:1 contrast in
// dark mode (a lighter tone of its colour); colours that fail get a console
// warning naming the property; a host can pin one scheme with --tg-color-scheme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, setUp, screenshot, hostPage } from './helpers.mjs';

const PREFIX = '/tg/';
const routes = {};
/** WCAG AA for text. */
const AA = 4.5;
/** The brand colour of the report: 2.1:1 on the old dark background. */
const TEAL = '#00594f';

const env = setUp({ prefix: PREFIX, routes });

/** A host page whose stylesheet themes the widget with `css` (declarations on the element). */
function host(path, css, extra = '') {
  routes[path] = {
    body: hostPage({ title: 'Themed host', head: `\n<style>treatment-guide { ${css} } ${extra}</style>`, prefix: PREFIX, viewport: false,
      body: '<main><h1>A charity page</h1><treatment-guide></treatment-guide></main>' }),
  };
  return new URL(path, env.server.url).origin + path;
}

/** Opens `url` in `scheme`, with the drug card of vincristine open; records console warnings. */
async function open(url, colorScheme) {
  const ctx = await newContext(env.browser, { colorScheme, viewport: { width: 800, height: 900 } });
  const page = await ctx.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}#tg-drug-vincristine`);
  await page.locator('treatment-guide .tg-mount[data-tg-live] .tg-card .tg-close').waitFor();
  await page.waitForLoadState('load');
  return { ctx, page, warnings, errors };
}

/**
 * The contrast of each named control's text against the background it is
 * drawn on (the nearest opaque background up the tree), as the browser
 * renders the colours (through a canvas, so any CSS colour syntax counts).
 */
function contrasts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const paint = canvas.getContext('2d', { willReadFrequently: true });
    const rgba = (css) => {
      paint.clearRect(0, 0, 1, 1);
      paint.fillStyle = css;
      paint.fillRect(0, 0, 1, 1);
      return [...paint.getImageData(0, 0, 1, 1).data];
    };
    const luminance = ([r, g, b]) => {
      const lin = [r, g, b].map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    };
    const background = (node) => {
      for (let at = node; at; at = at.parentElement || at.getRootNode().host) {
        const colour = rgba(getComputedStyle(at).backgroundColor);
        if (colour[3] === 255) return colour;
      }
      return [255, 255, 255, 255];
    };
    const measure = (node) => {
      const fg = rgba(getComputedStyle(node).color);
      const bg = background(node);
      const [a, b] = [luminance(fg), luminance(bg)];
      return {
        text: node.textContent.trim().slice(0, 40),
        fg: `rgb(${fg.slice(0, 3).join(', ')})`,
        bg: `rgb(${bg.slice(0, 3).join(', ')})`,
        ratio: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100,
      };
    };
    const openAll = [...root.querySelectorAll('.tg-toolbar .tg-button')].find((b) => /open all/i.test(b.textContent));
    const links = [...root.querySelectorAll('.tg-card-links a, .tg-card .tg-link, .tg-panel a.tg-link')];
    return {
      openAll: measure(openAll),
      close: measure(root.querySelector('.tg-card .tg-close')),
      links: links.map(measure),
      background: measure(root.querySelector('.tg-root')).bg,
    };
  });
}

const isDark = (rgb) => rgb.match(/\d+/g).map(Number).every((c) => c < 60);

test('an accent-only theme keeps 4.5:1 on "Open all sections", "Close" and links in dark mode, and in light', async (t) => {
  const url = host('/accent-only.html', `--tg-accent: ${TEAL};`);
  for (const scheme of ['dark', 'light']) {
    const { ctx, page, warnings, errors } = await open(url, scheme);
    const found = await contrasts(page);
    t.diagnostic(`${scheme}: ${JSON.stringify(found)}`);
    assert.equal(isDark(found.background), scheme === 'dark', `the widget follows the reader's ${scheme} scheme: ${found.background}`);
    assert.ok(found.links.length > 0, 'the drug card has links');
    for (const item of [found.openAll, found.close, ...found.links]) {
      assert.ok(item.ratio >= AA, `${scheme}: "${item.text}" ${item.fg} on ${item.bg} is ${item.ratio}:1`);
    }
    const [r, g, b] = found.openAll.fg.match(/\d+/g).map(Number);
    if (scheme === 'light') {
      assert.equal(found.openAll.fg, 'rgb(0, 89, 79)', 'the brand colour itself in light mode');
    } else {
      assert.ok(g > r + 20 && b > r + 20, `a lighter tone of the teal, not the default blue: ${found.openAll.fg}`);
    }
    assert.deepEqual(warnings.filter((w) => w.includes('contrast')), [], 'no contrast warning for a passing theme');
    assert.deepEqual(errors, []);
    await screenshot(page, `theme-accent-only-${scheme}`);
    await ctx.close();
  }
});

test('a host colour under 4.5:1 gets a console warning naming the property, in the scheme where it fails', async () => {
  const url = host('/low-contrast.html', '--tg-muted: #aaaaaa; --tg-dark-text: #4a4a4a; --tg-accent: #0b5c8a;');
  for (const scheme of ['light', 'dark']) {
    const { ctx, page, warnings } = await open(url, scheme);
    const contrast = () => warnings.filter((w) => w.includes('contrast'));
    // The check runs once the page has loaded and is idle (2 s at most); console messages arrive a moment later.
    for (let waited = 0; contrast().length < 2 && waited < 3000; waited += 100) await page.waitForTimeout(100);
    // Reported whatever the reader's own scheme: both schemes are measured.
    const found = contrast();
    assert.ok(found.some((w) => /--tg-muted\b.*light mode/.test(w)), JSON.stringify(found));
    assert.ok(found.some((w) => /--tg-dark-text\b.*dark mode/.test(w)), JSON.stringify(found));
    assert.ok(!found.some((w) => w.includes('--tg-accent')), `the accent passes in both schemes: ${JSON.stringify(found)}`);
    assert.equal(found.length, 2, JSON.stringify(found));
    await ctx.close();
  }
});

test('a dark-mode accent of the host\'s own replaces the lighter tone; --tg-color-scheme pins one scheme', async () => {
  const own = host('/own-dark.html', `--tg-accent: ${TEAL}; --tg-dark-accent: #7fe0d0;`);
  let opened = await open(own, 'dark');
  assert.equal((await contrasts(opened.page)).openAll.fg, 'rgb(127, 224, 208)');
  await opened.ctx.close();

  const pinned = host('/pinned-light.html', `--tg-accent: ${TEAL}; --tg-color-scheme: light;`);
  opened = await open(pinned, 'dark');
  const found = await contrasts(opened.page);
  assert.equal(found.background, 'rgb(255, 255, 255)', 'light, although the reader is in dark mode');
  assert.equal(found.openAll.fg, 'rgb(0, 89, 79)');
  assert.ok(found.openAll.ratio >= AA);
  await opened.ctx.close();
});

test('the contrast check is downloaded only for an element with debug, or a page that sets the widget\'s colours', async () => {
  const page = (path, element) => {
    routes[path] = { body: hostPage({ title: 'Host', prefix: PREFIX, body: `<main><h1>A charity page</h1>${element}</main>` }) };
    return new URL(path, env.server.url).origin + path;
  };
  const cases = [
    [page('/lint-none.html', '<treatment-guide></treatment-guide>'), false],
    [page('/lint-debug.html', '<treatment-guide debug></treatment-guide>'), true],
    [host('/lint-colours.html', `--tg-accent: ${TEAL};`), true],
  ];
  for (const [url, wanted] of cases) {
    const ctx = await newContext(env.browser);
    const tab = await ctx.newPage();
    const asked = [];
    tab.on('request', (request) => {
      if (/\/contrast-[0-9a-f]{16}\.js$/.test(request.url())) asked.push(request.url());
    });
    await tab.goto(url);
    await tab.locator('treatment-guide .tg-mount[data-tg-live]').waitFor();
    await tab.waitForLoadState('load');
    // The check waits for the page to be idle, at most 2 s after load.
    for (let waited = 0; !asked.length && waited < 3000; waited += 100) await tab.waitForTimeout(100);
    assert.equal(asked.length, wanted ? 1 : 0, `${url}: ${JSON.stringify(asked)}`);
    await ctx.close();
  }
});
