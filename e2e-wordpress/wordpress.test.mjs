// End-to-end: the WordPress plugin in a real WordPress (Debian's `wordpress`
// package, Twenty Twenty-Three, Apache with mod_php, MariaDB; stack.mjs),
// in Debian's Chromium. The plugin's zip is made from the built dist/ by the
// release's own function and installed through Plugins › Add New › Upload
// Plugin, then activated. An Administrator, an Author and a Contributor
// save posts through the REST API the block editor saves with (so kses
// filters what the Author and the Contributor save, exactly as in the editor):
// the README's raw snippet (removed for them), the block and the shortcode
// (kept for every role). The published pages show the guide: nine sections,
// a lookup that answers "Oncovin", French with lang="fr", `open` honoured, the
// heading level, the plain guide without JavaScript, no console error, no
// request that leaves the site, and the loader only on pages that use the
// guide. An Author adds the block in the editor, sets it in the sidebar and
// publishes; the editor's strings are French for a French user. The server
// checks every attribute; the .htaccess gives the cache headers; deleting the
// plugin leaves nothing behind. `php -l` passes on every PHP file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, DIST, SECTION_IDS } from '../e2e/helpers.mjs';
import { unzip, walk } from '../tools/release.mjs';
import { writePlugin } from '../tools/wordpress-plugin.mjs';
import { version as cargoVersion } from '../tools/version.mjs';
import { THEME, startWordPress } from './stack.mjs';

const HERE = fileURLToPath(new URL('./', import.meta.url));
/** Screenshots for people to look at after a run (git-ignored). */
const ARTIFACTS = join(HERE, 'artifacts');
/**
 * Where the screenshots the README shows go: docs/screenshots/ with TG_WP_SCREENSHOTS=1 (to
 * update them), else beside the others, so a test run leaves the repository as it was.
 */
const SCREENSHOTS = process.env.TG_WP_SCREENSHOTS ? fileURLToPath(new URL('../docs/screenshots/', import.meta.url)) : ARTIFACTS;
const PLUGIN = 'treatment-guide';
const LOADER_PATH = `/wp-content/plugins/${PLUGIN}/dist/treatment-guide.js`;
const PASSWORD = (login) => `${login}-password`;
const started = Date.now();

/** What each role saves: the README's raw snippets (before the plugin), the block and the shortcode. */
const CONTENTS = {
  raw: `<!-- wp:html -->\n<script src="${LOADER_PATH}" defer></script>\n<treatment-guide lang="fr" open="chemotherapy"></treatment-guide>\n<!-- /wp:html -->`,
  iframe: `<!-- wp:html -->\n<iframe src="/wp-content/plugins/${PLUGIN}/dist/embed.html?lang=en" title="Treatment guide" width="100%" height="1400" frameborder="0"></iframe>\n<!-- /wp:html -->`,
  block: '<!-- wp:treatment-guide/guide {"open":"chemotherapy","headingLevel":3} /-->',
  shortcode: '<!-- wp:shortcode -->\n[treatment_guide lang="fr" open="chemotherapy" heading_level="3"]\n<!-- /wp:shortcode -->',
  plain: '<!-- wp:paragraph -->\n<p>A post about our charity, with no guide.</p>\n<!-- /wp:paragraph -->',
};
const ROLES = ['admin', 'author', 'contributor'];
/** The other sites WordPress's admin itself calls (avatars, the welcome guide's pictures). */
const WORDPRESS_HOSTS = /^(?:[0-9a-z]+\.gravatar\.com|s\.w\.org)$/;
/**
 * The editor's own REST calls that fail on this site whatever the plugin does: the block
 * directory's search of WordPress.org (refused by WP_HTTP_BLOCK_EXTERNAL), and what an Author
 * may not read (the theme's templates, categories for editing, the site's settings: 403).
 */
const WORDPRESS_CALLS = /\/wp-json\/wp\/v2\/(?:block-directory\/search|templates\/|categories\?context=edit|settings\?)/;

let work;
let zipFile;
let plugin;
let wp;
let browser;
/** What each role's posts stored: saved[`${role}-${kind}`] = { url, sent, stored, status, unfiltered_html }. */
let saved;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'tg-wp-e2e-'));
  plugin = writePlugin({ dist: DIST, out: work, version: cargoVersion() });
  zipFile = plugin.file;
  [wp, browser] = await Promise.all([startWordPress(), launch()]);
});

after(async () => {
  await browser?.close();
  wp?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  if (wp) {
    process.stderr.write(`wordpress: stack ready in ${(wp.timings.installed / 1000).toFixed(1)} s `
      + `(MariaDB ${(wp.timings.mariadb / 1000).toFixed(1)} s); whole test ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
});

/**
 * A page in a new context that records console errors, page errors, the
 * requests to the site, and the requests that would leave it (refused).
 * `admin`: an admin page, where WordPress's own refused calls to other sites
 * are not counted as errors (they are in `outside`); other options go to the context.
 */
async function open(url, { admin = false, ...options } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const origin = new URL(wp.url).origin;
  const outside = [];
  const requests = [];
  await ctx.route('**/*', (route) => {
    const requested = route.request().url();
    if (new URL(requested).origin === origin || requested.startsWith('data:') || requested.startsWith('blob:')) return route.continue();
    outside.push(requested);
    return route.abort('blockedbyclient');
  });
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const at = m.location().url || '';
    // The browser's own request for a site icon, which the test site has none of.
    if (new URL(at, wp.url).pathname === '/favicon.ico') return;
    // In the admin: WordPress's own calls to other sites (avatars from Gravatar, the welcome
    // guide's pictures), refused here, each in `outside`; and WORDPRESS_CALLS.
    if (admin && (outside.includes(at) || WORDPRESS_CALLS.test(at))) return;
    problems.push(`${m.text()} ${at}`);
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  if (url) await page.goto(url);
  return { ctx, page, problems, outside, requests };
}

/** Logs `login` in through wp-login.php in a new context; returns open()'s result at /wp-admin/. */
async function logIn(login, options = {}) {
  const opened = await open(`${wp.url}/wp-login.php`, { ...options, admin: true });
  await opened.page.fill('#user_login', login);
  await opened.page.fill('#user_pass', PASSWORD(login === 'admin' ? 'admin' : login));
  await Promise.all([opened.page.waitForURL(/\/wp-admin\//), opened.page.click('#wp-submit')]);
  return opened;
}

/** The live widget (its code has taken over) in `scope`. */
async function live(scope, selector = 'treatment-guide') {
  await scope.locator(`${selector} .tg-mount[data-tg-live] button[aria-expanded]`).first().waitFor({ timeout: 30_000 });
}

/** Saves a screenshot under `dir` (docs/screenshots/ or the artifacts). */
async function screenshot(page, name, { dir = ARTIFACTS, fullPage = true } = {}) {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

test('php -l passes on every PHP file of the plugin and of the test', (t) => {
  const unpacked = join(work, 'php-lint');
  const files = [];
  for (const { name, data } of unzip(readFileSync(zipFile))) {
    if (!name.endsWith('.php')) continue;
    mkdirSync(dirname(join(unpacked, name)), { recursive: true });
    writeFileSync(join(unpacked, name), data);
    files.push(join(unpacked, name));
  }
  files.push(...walk(join(HERE, 'php')).map((f) => join(HERE, 'php', f)));
  assert.ok(files.length >= 10, `PHP files: ${files.length}`);
  for (const file of files) {
    assert.match(execFileSync('php', ['-l', file], { encoding: 'utf8' }), /No syntax errors detected/, file);
  }
  t.diagnostic(`${files.length} PHP files`);
});

test('WordPress with Twenty Twenty-Three; the zip installs through Plugins › Add New › Upload Plugin and activates', async (t) => {
  assert.equal(wp.install.theme, THEME, `active theme (installed: ${wp.install.themes})`);
  t.diagnostic(`WordPress ${wp.install.version}, theme ${wp.install.theme}; plugin zip ${plugin.bytes.length} bytes, ${plugin.entries.length} files`);
  const { ctx, page, problems } = await logIn('admin');
  await page.goto(`${wp.url}/wp-admin/plugin-install.php?tab=upload`);
  await page.setInputFiles('#pluginzip', zipFile);
  await Promise.all([page.waitForURL(/update\.php\?action=upload-plugin/), page.click('#install-plugin-submit')]);
  const report = await page.locator('#wpbody-content').innerText();
  assert.match(report, /Plugin installed successfully/, report);
  await Promise.all([page.waitForURL(/plugins\.php/), page.getByRole('link', { name: 'Activate Plugin' }).click()]);
  assert.match(await page.locator('#wpbody-content').innerText(), /Plugin activated/);
  // The Plugins screen: the plugin's name, version and a Settings link.
  const row = page.locator('tr[data-plugin="treatment-guide/treatment-guide.php"]');
  assert.match(await row.innerText(), new RegExp(`Treatment guide[\\s\\S]*Version ${cargoVersion().replaceAll('.', '\\.')}`));
  assert.equal(await row.getByRole('link', { name: 'Settings' }).count(), 1);
  const state = wp.phpJson('state.php');
  assert.deepEqual([state.active, state.shortcode, state.block], [true, true, true]);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('kses: the raw snippet is removed for an Author and a Contributor; the block and the shortcode are kept for every role', (t) => {
  wp.phpJson('users.php', ['fr_FR']);
  const posts = [];
  for (const role of ROLES) {
    for (const [kind, content] of Object.entries(CONTENTS)) {
      posts.push({ key: `${role}-${kind}`, user: role, title: `${kind} saved by the ${role}`, content });
    }
  }
  saved = wp.phpJson('save-posts.php', [], { input: JSON.stringify(posts) });
  const lines = [];
  for (const role of ROLES) {
    for (const kind of ['raw', 'iframe', 'block', 'shortcode']) {
      const { stored, sent, unfiltered_html: unfiltered, status } = saved[`${role}-${kind}`];
      lines.push(`${role} (${unfiltered ? 'unfiltered_html' : 'kses'}, ${status}) ${kind}: ${stored === sent ? 'kept as sent' : `stored ${JSON.stringify(stored)}`}`);
    }
  }
  t.diagnostic(`what kses kept:\n${lines.join('\n')}`);
  writeFileSync(join(work, 'kses.txt'), lines.join('\n'));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'kses.txt'), `${lines.join('\n')}\n`);

  assert.equal(saved['admin-raw'].unfiltered_html, true);
  assert.equal(saved['admin-raw'].stored, CONTENTS.raw, 'the Administrator keeps the raw snippet');
  for (const role of ['author', 'contributor']) {
    assert.equal(saved[`${role}-raw`].unfiltered_html, false);
    for (const kind of ['raw', 'iframe']) {
      const { stored } = saved[`${role}-${kind}`];
      assert.doesNotMatch(stored, /<script|<treatment-guide|<iframe/, `the ${role}'s ${kind} snippet loses its elements: ${stored}`);
    }
  }
  for (const role of ROLES) {
    for (const kind of ['block', 'shortcode']) {
      assert.equal(saved[`${role}-${kind}`].stored, CONTENTS[kind], `the ${role}'s ${kind} is kept as saved`);
    }
  }
  assert.equal(saved['author-block'].status, 'publish');
  assert.equal(saved['contributor-block'].status, 'pending');
});

/** The widget's state on a page: sections, which are open, heading levels, language. */
function guideState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('treatment-guide').shadowRoot;
    const sections = [...root.querySelectorAll('[data-tg-section]')];
    return {
      lang: root.querySelector('.tg-root')?.getAttribute('lang'),
      ids: sections.map((s) => s.getAttribute('data-tg-section')),
      open: sections.filter((s) => s.querySelector('.tg-heading > button')?.getAttribute('aria-expanded') === 'true')
        .map((s) => s.getAttribute('data-tg-section')),
      levels: [...new Set(sections.map((s) => s.querySelector('.tg-heading').tagName))],
      titles: sections.map((s) => s.querySelector('.tg-heading').textContent.trim()),
    };
  });
}

/** The loader's script tags on the page, as the server sent them. */
const loaderTags = (page) => page.evaluate((path) => [...document.querySelectorAll('script[src]')]
  .filter((s) => new URL(s.src).pathname === path).map((s) => ({ defer: s.defer, async: s.async })), LOADER_PATH);

test('the Author\'s block: nine sections, open honoured, heading level 3, a lookup that answers "Oncovin", no error, nothing leaves the site', async () => {
  const { ctx, page, problems, outside } = await open(saved['author-block'].url);
  await live(page);
  const state = await guideState(page);
  assert.deepEqual(state.ids, SECTION_IDS);
  assert.equal(state.ids.length, 9);
  assert.deepEqual(state.open, ['chemotherapy']);
  assert.deepEqual(state.levels, ['H3']);
  assert.equal(state.lang, 'en');
  assert.deepEqual(await loaderTags(page), [{ defer: true, async: false }], 'the loader once, deferred');
  // The element as the server printed it: checked attributes, the block's class.
  const element = page.locator('treatment-guide');
  assert.equal(await element.getAttribute('open'), 'chemotherapy');
  assert.equal(await element.getAttribute('heading-level'), '3');
  assert.match(await element.getAttribute('class'), /wp-block-treatment-guide-guide/);

  const input = page.locator('treatment-guide input[role=combobox]');
  await input.pressSequentially('Oncovin');
  const option = page.locator('treatment-guide [role=listbox]:not([hidden]) [role=option]').first();
  await option.waitFor();
  assert.match((await option.innerText()).trim(), /^vincristine/i);
  await option.click();
  const card = page.locator('treatment-guide [part~="drug-card"]').first();
  await card.waitFor();
  assert.match(await card.innerText(), /vincristine[\s\S]*Oncovin/i);

  assert.deepEqual(problems, [], 'no console error');
  assert.deepEqual(outside, [], 'no request leaves the site');
  await screenshot(page, 'author-block');
  await ctx.close();
});

test('the Author\'s shortcode with lang="fr": French, open honoured, heading level 3', async () => {
  const { ctx, page, problems, outside } = await open(saved['author-shortcode'].url);
  await live(page);
  const state = await guideState(page);
  assert.equal(state.lang, 'fr');
  assert.deepEqual(state.ids, SECTION_IDS);
  assert.deepEqual(state.open, ['chemotherapy']);
  assert.deepEqual(state.levels, ['H3']);
  assert.equal(state.titles[SECTION_IDS.indexOf('chemotherapy')], 'Chimiothérapie');
  assert.deepEqual(await loaderTags(page), [{ defer: true, async: false }]);
  assert.deepEqual(problems, []);
  assert.deepEqual(outside, []);
  await ctx.close();
});

test('the Author\'s published post at 375 px: no sideways scrolling (screenshot wordpress-author-post-375.png)', async () => {
  const { ctx, page, problems, outside } = await open(saved['author-block'].url, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
  await live(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 375 px (${overflow} px too wide)`);
  // The top of the post: the theme's header, the post's title, and the guide below them.
  await screenshot(page, 'wordpress-author-post-375', { dir: SCREENSHOTS, fullPage: false });
  assert.deepEqual(problems, []);
  assert.deepEqual(outside, []);
  await ctx.close();
});

test('the Administrator\'s block and shortcode, and the Administrator\'s raw snippet, show the guide', async () => {
  for (const kind of ['block', 'shortcode', 'raw']) {
    const { ctx, page, problems, outside } = await open(saved[`admin-${kind}`].url);
    await live(page);
    const state = await guideState(page);
    assert.deepEqual(state.ids, SECTION_IDS, kind);
    assert.deepEqual(state.open, ['chemotherapy'], kind);
    assert.deepEqual(problems, [], kind);
    assert.deepEqual(outside, [], kind);
    await ctx.close();
  }
});

test('the Author\'s raw snippet shows nothing of the guide (what the plugin replaces)', async () => {
  const { ctx, page } = await open(saved['author-raw'].url);
  assert.equal(await page.locator('treatment-guide').count(), 0);
  assert.deepEqual(await loaderTags(page), []);
  await ctx.close();
});

test('without JavaScript the plain guide is in the page, in the page\'s language, inside the element', async () => {
  for (const [kind, lang, chemo] of [['author-block', 'en', 'Chemotherapy'], ['author-shortcode', 'fr', 'Chimiothérapie']]) {
    const { ctx, page } = await open(saved[kind].url, { javaScriptEnabled: false });
    const plain = page.locator('treatment-guide > *');
    assert.ok(await plain.count() > 0, `${kind}: the plain guide is inside the element`);
    const sections = await page.locator('treatment-guide [data-tg-section]').evaluateAll((s) => s.map((x) => x.getAttribute('data-tg-section')));
    assert.deepEqual(sections, SECTION_IDS, kind);
    assert.equal(await page.locator(`treatment-guide [data-tg-section="chemotherapy"] .tg-heading`).innerText(), chemo);
    assert.ok(await page.locator('treatment-guide [data-tg-section="clinical-trials"]').isVisible(), `${kind}: readable`);
    assert.equal(await page.locator('treatment-guide [lang]').first().getAttribute('lang'), lang);
    // No inline script or style in what the plugin prints.
    assert.equal(await page.locator('treatment-guide script, treatment-guide style, treatment-guide [style]').count(), 0);
    await ctx.close();
  }
  // What a search engine fetches: the text is in the HTML.
  const html = await (await fetch(saved['author-shortcode'].url)).text();
  assert.match(html, /<treatment-guide [^>]*lang="fr"[^>]*>[\s\S]*Chimiothérapie[\s\S]*<\/treatment-guide>/);
});

test('the loader and the plugin\'s stylesheet only on pages that use the guide', async () => {
  const { ctx, page, requests, problems, outside } = await open(saved['author-plain'].url);
  assert.match(await page.locator('body').innerText(), /A post about our charity/);
  assert.deepEqual(await loaderTags(page), []);
  assert.deepEqual(requests.filter((u) => u.includes(`/plugins/${PLUGIN}/`)), [], 'nothing of the plugin is requested');
  assert.deepEqual(problems, []);
  assert.deepEqual(outside, []);
  await ctx.close();
  const rendered = wp.phpJson('render.php', [''], { input: JSON.stringify([CONTENTS.plain]) });
  assert.ok(!rendered.scripts.includes('treatment-guide'), `not enqueued: ${rendered.scripts}`);
  const withGuide = wp.phpJson('render.php', [''], { input: JSON.stringify([CONTENTS.block]) });
  assert.ok(withGuide.scripts.includes('treatment-guide'), `enqueued: ${withGuide.scripts}`);
});

/** The block editor's canvas: its iframe (WordPress 6.3 and later, with some themes) or the page itself. */
async function canvas(page) {
  const frame = page.frameLocator('iframe[name="editor-canvas"]');
  return (await page.locator('iframe[name="editor-canvas"]').count()) ? frame : page;
}

/** Opens a new post in the block editor, with the welcome guide closed. */
async function newPost(page) {
  await page.goto(`${wp.url}/wp-admin/post-new.php`);
  await page.locator('.edit-post-layout, .editor-editor-interface').first().waitFor();
  const guide = page.locator('.edit-post-welcome-guide');
  if (await guide.isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
    await guide.waitFor({ state: 'hidden' });
  }
}

/**
 * Inserts the block by its name in the inserter (`title`: as the inserter shows it), closes the
 * inserter and opens the settings sidebar.
 */
async function insertBlock(page, title) {
  const inserter = page.locator('.edit-post-header-toolbar__inserter-toggle');
  await inserter.click();
  await page.locator('.block-editor-inserter__search input').fill(title);
  await page.getByRole('option', { name: title }).click();
  if ((await inserter.getAttribute('aria-pressed')) === 'true') await inserter.click();
  // Debian's French has no translations for the editor's scripts: the button is "Settings" in both.
  const sidebar = page.locator('.edit-post-header__settings .interface-pinned-items button[aria-label="Settings"]');
  if ((await sidebar.getAttribute('aria-pressed')) !== 'true') await sidebar.click();
}

test('an Author adds the block in the editor, sets it in the sidebar, sees the live guide, and publishes', async (t) => {
  const { ctx, page, problems, outside } = await logIn('author', { viewport: { width: 1280, height: 1000 } });
  await newPost(page);
  const editor = await canvas(page);
  await editor.getByRole('textbox', { name: 'Add title' }).fill('Our treatment guide');
  await insertBlock(page, 'Treatment guide');
  // The live preview: the server's markup, taken over by the widget's code in the editor.
  await live(editor, '.wp-block-treatment-guide-guide treatment-guide');
  const sidebar = page.locator('.block-editor-block-inspector');
  await sidebar.getByLabel('Language').selectOption('fr');
  await sidebar.getByLabel('Heading level').selectOption('3');
  await sidebar.getByRole('checkbox', { name: /^Immunothérapie/ }).check();
  const preview = editor.locator('.wp-block-treatment-guide-guide treatment-guide');
  await editor.locator('.wp-block-treatment-guide-guide treatment-guide[lang="fr"][open="immunotherapy"][heading-level="3"] .tg-mount[data-tg-live]').waitFor();
  assert.match(await preview.locator('[data-tg-section="immunotherapy"] .tg-heading > button').getAttribute('aria-expanded'), /true/);
  // The post's title and the block at the top, the sidebar from its first setting.
  await page.evaluate(() => {
    for (const selector of ['.interface-interface-skeleton__content', '.interface-interface-skeleton__sidebar']) {
      const scroller = document.querySelector(selector);
      if (scroller) scroller.scrollTop = 0;
    }
  });
  await screenshot(page, 'wordpress-editor', { dir: SCREENSHOTS, fullPage: false });

  // A content file from another site: left out on the server, and the preview says so.
  await sidebar.getByRole('button', { name: 'Content file' }).click();
  await sidebar.getByLabel('Content file address (optional)').fill('https://elsewhere.example/guide.json');
  const notice = editor.locator('.wp-block-treatment-guide-guide .treatment-guide-problems');
  await notice.waitFor();
  assert.match(await notice.innerText(), /The content file "https:\/\/elsewhere\.example\/guide\.json" is left out/);
  assert.equal(await preview.getAttribute('content-src'), null);
  await sidebar.getByLabel('Content file address (optional)').fill('');
  await notice.waitFor({ state: 'detached' });

  await page.locator('.editor-post-publish-panel__toggle').click();
  await page.locator('.editor-post-publish-panel .editor-post-publish-button').click();
  await page.locator('.post-publish-panel__postpublish').waitFor();
  const url = await page.evaluate(() => window.wp.data.select('core/editor').getPermalink());
  const stored = await page.evaluate(() => window.wp.data.select('core/editor').getEditedPostContent());
  assert.match(stored, /^<!-- wp:treatment-guide\/guide \{[^}]*\} \/-->$/, `only the block's comment is stored: ${stored}`);
  assert.deepEqual(problems, [], 'no console error in the editor');
  const others = [...new Set(outside.map((u) => new URL(u).host))];
  t.diagnostic(`the admin asked other sites (refused here): ${others.join(', ') || 'none'}`);
  assert.deepEqual(others.filter((host) => !WORDPRESS_HOSTS.test(host)), [], 'only WordPress\'s own calls leave the admin');
  await ctx.close();

  const published = await open(url);
  await live(published.page);
  const state = await guideState(published.page);
  assert.equal(state.lang, 'fr');
  assert.deepEqual(state.open, ['immunotherapy']);
  assert.deepEqual(state.levels, ['H3']);
  assert.deepEqual(published.problems, []);
  await published.ctx.close();
});

test('the plugin\'s own strings in French: a French user\'s editor and the PHP strings', async () => {
  const state = wp.phpJson('state.php', ['fr_CA']);
  assert.deepEqual(state.strings, { name: 'Guide des traitements', settings: 'Réglages', block: 'Guide des traitements' });
  const { ctx, page, problems } = await logIn('contributor');
  await newPost(page);
  await insertBlock(page, 'Guide des traitements');
  const sidebar = page.locator('.block-editor-block-inspector');
  await sidebar.getByLabel('Langue', { exact: true }).waitFor();
  assert.equal(await sidebar.getByLabel('Niveau des titres').count(), 1);
  assert.match(await sidebar.innerText(), /Sections ouvertes[\s\S]*Toutes les sections/);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('Settings › Treatment guide: an Administrator allows another site for content files; other addresses are refused', async () => {
  const { ctx, page, problems } = await logIn('admin');
  await page.goto(`${wp.url}/wp-admin/options-general.php?page=treatment-guide`);
  await page.getByLabel('Other sites allowed').fill('https://content.example.org/guide/\nnot an address');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await page.waitForURL(/settings-updated=true|page=treatment-guide/);
  assert.match(await page.locator('#wpbody-content').innerText(), /Left out, as they are not http or https addresses: not an address/);
  assert.deepEqual(wp.phpJson('state.php').option, ['https://content.example.org']);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the server checks every attribute and escapes what it prints', () => {
  const origin = new URL(wp.url).origin;
  const cases = [
    ['[treatment_guide lang="fr-ca" open="chemotherapy, nonsense,immunotherapy" heading_level="4"]',
      { lang: 'fr-CA', open: 'chemotherapy,immunotherapy', 'heading-level': '4' }, 'fr'],
    ['[treatment_guide lang="de" heading_level="9" open="all"]', { open: 'all' }, 'en'],
    ['[treatment_guide lang="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" heading-level="1"]', {}, 'en'],
    ['[treatment_guide content_src="/wp-content/uploads/guide.json" open="our-own-section"]',
      { 'content-src': '/wp-content/uploads/guide.json', open: 'our-own-section' }, 'en'],
    [`[treatment_guide content-src="${origin}/guide.json"]`, { 'content-src': `${origin}/guide.json` }, 'en'],
    ['[treatment_guide content_src="https://content.example.org/guide.json"]', { 'content-src': 'https://content.example.org/guide.json' }, 'en'],
    ['[treatment_guide content_src="https://evil.example/guide.json" open="our-own-section"]', {}, 'en'],
    ['[treatment_guide content_src="//evil.example/guide.json"]', {}, 'en'],
    ['[treatment_guide content_src="javascript:alert(1)"]', {}, 'en'],
    ['<!-- wp:treatment-guide/guide {"lang":"fr","open":"clinical-trials","headingLevel":5,"contentSrc":"https://evil.example/x.json"} /-->',
      { lang: 'fr', open: 'clinical-trials', 'heading-level': '5', class: 'wp-block-treatment-guide-guide' }, 'fr'],
  ];
  const { html } = wp.phpJson('render.php', ['author'], { input: JSON.stringify(cases.map(([source]) => source)) });
  cases.forEach(([source, expected, lang], i) => {
    const tag = html[i].match(/<treatment-guide([^>]*)>/);
    assert.ok(tag, `${source}: an element`);
    const attributes = Object.fromEntries([...tag[1].matchAll(/ ([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]));
    if (!expected.class) delete attributes.class;
    assert.deepEqual(attributes, expected, source);
    assert.match(html[i], new RegExp(`<treatment-guide[^>]*>\\s*<[^>]+ lang="${lang}"`), `${source}: the plain guide in ${lang}`);
    assert.doesNotMatch(html[i], /<script|alert\(1\)/, source);
  });
});

test('the .htaccess of the plugin\'s dist/: hashed files for a year, the loader checked on each visit', async () => {
  const base = `${wp.url}/wp-content/plugins/${PLUGIN}/dist/`;
  const wasm = walk(DIST).find((f) => /_bg\.wasm$/.test(f));
  const hashed = await fetch(base + wasm);
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(hashed.headers.get('content-type'), 'application/wasm');
  const loader = await fetch(`${base}treatment-guide.js`);
  assert.equal(loader.headers.get('cache-control'), 'no-cache');
});

test('deleting the plugin leaves nothing behind', () => {
  assert.equal(wp.phpJson('state.php').options_like.length, 1, 'the setting is there before');
  const deleted = wp.phpJson('delete-plugin.php');
  assert.equal(deleted.deleted, true, JSON.stringify(deleted));
  const state = wp.phpJson('state.php');
  assert.deepEqual({ installed: state.installed, active: state.active, options: state.options_like },
    { installed: false, active: false, options: [] });
  // No PHP notice or warning from the plugin in WordPress's debug log.
  const log = readFileSync(join(wp.dir, 'wp-content/debug.log'), 'utf8');
  assert.doesNotMatch(log, /treatment-guide|treatment_guide/, log);
});
