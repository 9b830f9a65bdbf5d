// The post-build steps without a build (`make test-tools`): the widget
// stylesheet minified by lightningcss, the glue's trap guard, the file names
// the loader step hands to the precache list, and the steps' order. A fake built folder stands in for
// Trunk's; e2e/styles.test.mjs checks the minified sheet in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STEPS, STYLES, builtFiles, guardedGlue, runSteps, widgetCss, writeLoader, writePrecache } from './post-build.mjs';
import { MODULES, trunkFiles } from './modules.mjs';

const temp = (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-post-build-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const GLUE = 'treatment-guide-0123456789abcdef.js';
const WASM = 'treatment-guide-0123456789abcdef_bg.wasm';
const READER = { glue: 'content-reader-00112233445566aa.js', wasm: 'content-reader-00112233445566bb.wasm' };

/** The part of wasm-bindgen's glue the trap guard changes, and a way to start it on given exports. */
const FAKE_GLUE = 'let wasm;\nexport function start(instance) { wasm = instance.exports; return wasm; }\n'
  + 'export function call(name) { return wasm[name](); }\nexport default function init() {}\n';

/** A folder as Trunk and the module step leave it: the page, the wasm, its glue, the content reader and the page's stylesheet. */
function staged(dir) {
  writeFileSync(join(dir, WASM), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dir, GLUE), FAKE_GLUE);
  writeFileSync(join(dir, READER.wasm), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dir, READER.glue), 'export default function init() {}\n');
  writeFileSync(join(dir, 'page-fedcba9876543210.css'), 'body{}');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>\n  <script src="treatment-guide.js" defer></script>\n'
    + '<treatment-guide></treatment-guide>');
  return dir;
}

const RENDERED = {
  guide: { html: '<p>guide</p>', open: {}, toolbar: { some: '', all: '' } },
  fallback: '<p>plain</p>',
  css: 'p{color:red}',
  langs: { fr: { bundle: '{"content":"…"}', fallback: '<p>simple</p>' } },
  manifest: { element: 'treatment-guide', attributes: [], properties: [], events: {}, languages: { en: {}, fr: {} } },
};

test('the widget stylesheet is minified by lightningcss: no comments, every rule kept', (t) => {
  const source = readFileSync(STYLES, 'utf8');
  const css = widgetCss();
  assert.ok(css.length < source.length * 0.75, `${css.length} bytes, from ${source.length}`);
  assert.ok(!css.includes('/*') && !css.includes('\n'));
  for (const kept of [':host{', '@media (prefers-color-scheme:dark)', '@media (forced-colors:active)', ':focus-visible']) {
    assert.ok(css.includes(kept), `keeps ${kept}`);
  }
  const broken = join(temp(t), 'broken.css');
  writeFileSync(broken, '.a { color: red; }\n.b ! { color: blue; }\n');
  assert.throws(() => widgetCss(broken), { message: `post-build: ${broken}:2:4: Invalid dangling combinator in selector` });
});

test('the loader step returns the files it named; the precache takes them', async (t) => {
  const dir = staged(temp(t));
  const named = await writeLoader(dir, '1.2.3', RENDERED);
  assert.deepEqual(Object.keys(named.languages), ['fr']);
  assert.match(named.languages.fr, /^treatment-guide-fr-[0-9a-f]{16}\.json$/);
  assert.match(named.listen, /^listen-[0-9a-f]{16}\.js$/, 'the read-aloud module, content-hashed');
  assert.match(named.contrast, /^contrast-[0-9a-f]{16}\.js$/, 'the contrast lint, content-hashed');
  assert.match(named.warm, /^warm-[0-9a-f]{16}\.js$/, 'the warm-up worker, content-hashed');
  assert.deepEqual(named, { glue: GLUE, wasm: WASM, reader: READER, languages: named.languages, listen: named.listen, warm: named.warm, contrast: named.contrast });
  const loader = readFileSync(join(dir, 'treatment-guide.js'), 'utf8');
  for (const file of [GLUE, WASM, READER.glue, READER.wasm, named.languages.fr, named.listen, named.warm, named.contrast]) assert.ok(loader.includes(file), `the loader names ${file}`);
  assert.ok(loader.includes('p{color:red}'), 'the loader carries the styles');
  assert.deepEqual(builtFiles(dir), named, 'a kept folder yields the same names (--precache-only)');

  assert.doesNotMatch(readFileSync(join(dir, 'index.html'), 'utf8'), /rel="(module)?preload"/,
    'no preload hint: the code is fetched once the guide has been painted');

  const { files } = writePrecache(dir, named);
  const embed = files.filter((f) => f.embed).map((f) => f.url).sort();
  assert.deepEqual(embed, [GLUE, WASM, READER.glue, READER.wasm, named.languages.fr, named.listen, named.warm, named.contrast, 'treatment-guide.js'].sort());
  assert.ok(files.find((f) => f.url === named.warm).immutable);
  assert.ok(files.find((f) => f.url === named.contrast).immutable);
  assert.ok(files.find((f) => f.url === named.listen).immutable);
  assert.ok(files.filter((f) => f.url.startsWith('content-reader-')).every((f) => f.immutable));
  assert.ok(files.some((f) => f.url === 'page-fedcba9876543210.css' && !f.embed && f.immutable));

  assert.throws(() => writePrecache(dir, { ...named, wasm: 'gone_bg.wasm' }), /lacks the files its loader names: gone_bg\.wasm/);
});

test('the guarded glue marks its instance at the first trap, tells the loader once, and throws on', async () => {
  const code = guardedGlue(FAKE_GLUE);
  const glue = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  const heard = [];
  glue.onTrap((error) => heard.push(error.message));
  glue.start({ exports: {
    memory: { buffer: 'kept as it is' },
    fine: () => 42,
    refuses: () => { throw new TypeError('an ordinary JavaScript error'); },
    traps: () => { throw new WebAssembly.RuntimeError('unreachable'); },
  } });
  assert.equal(glue.call('fine'), 42);
  assert.throws(() => glue.call('refuses'), TypeError);
  assert.equal(glue.trapped(), false, 'an ordinary error is no trap');
  assert.throws(() => glue.call('traps'), WebAssembly.RuntimeError);
  assert.throws(() => glue.call('traps'), WebAssembly.RuntimeError);
  assert.equal(glue.trapped(), true);
  assert.deepEqual(heard, ['unreachable'], 'the loader hears of the first trap only');
  assert.throws(() => guardedGlue('export default function init() {}'), /has no "wasm = instance.exports;"/);
  assert.equal(guardedGlue(code), code, 'a second run leaves a guarded glue as it is');
});

/** What Trunk leaves in its staging folder before the steps: each module's files, and the pages it copies. */
const FROM_TRUNK = [
  'treatment-guide-<h>.js', 'treatment-guide-<h>_bg.wasm', 'index.html', 'check.html',
  ...Object.keys(MODULES).filter((m) => MODULES[m].type === 'worker').flatMap((m) => Object.values(trunkFiles(m))),
];

/** The steps whose `reads` name something (a file of the folder, or a value handed on) that neither Trunk nor an earlier step gives. */
function unmetReads(steps) {
  const there = new Set(FROM_TRUNK);
  const unmet = [];
  for (const step of steps) {
    for (const read of step.reads) {
      // A file of the repository (a path with a folder), or the whole folder, is always there.
      if (read.includes('/') || read === 'every file' || there.has(read.split(' ')[0])) continue;
      unmet.push(`${step.name} reads ${read}`);
    }
    for (const made of [...(step.writes || []), ...(step.gives || [])]) there.add(made.split(/[ :]/)[0]);
  }
  return unmet;
}

test('the steps run in an order where each reads only what Trunk or an earlier step gave', async () => {
  assert.deepEqual(STEPS.map((s) => s.name), ['reader', 'checker', 'prerender', 'loader', 'fallback', 'precache']);
  assert.deepEqual(unmetReads(STEPS), []);
  const swapped = [STEPS[3], ...STEPS.filter((_, i) => i !== 3)];
  assert.deepEqual(unmetReads(swapped), ['loader reads content-reader-<h>.js', 'loader reads content-reader-<h>.wasm', 'loader reads rendered'],
    'control: the loader step first finds neither the reader nor the prerendered guide');
  await assert.rejects(runSteps('.', ['nonesuch']), /no step nonesuch/);
});
