// The build's facts written once (tools/modules.mjs): the files that must
// repeat one for a tool that cannot read it (index.html for Trunk, Trunk.toml)
// say the same, and the others read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { LOADER_FILE, MODULES, VERSIONS, links } from './modules.mjs';

const text = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

test("index.html builds every module of the table, and only those, with the table's flags", () => {
  const found = text('index.html').match(/<link data-trunk rel="rust"[^>]*>/g) || [];
  assert.deepEqual(found, links(), 'index.html\'s rust links differ from tools/modules.mjs: paste the output of `node tools/modules.mjs`');
  assert.deepEqual(Object.keys(MODULES), ['main', 'reader', 'checker']);
  for (const [name, { manifest, crate }] of Object.entries(MODULES)) {
    assert.match(text(manifest), new RegExp(`^name = "${crate}"$`, 'm'), `${name}: ${manifest} is crate ${crate}`);
  }
});

test('the links follow the table: another wasm-opt option in MODULES changes them', () => {
  const { params } = MODULES.reader;
  try {
    MODULES.reader.params = '--converge';
    assert.notDeepEqual(links(), text('index.html').match(/<link data-trunk rel="rust"[^>]*>/g));
  } finally {
    MODULES.reader.params = params;
  }
});

test("Trunk.toml's tools are the versions of their homes (Cargo.lock, package.json)", () => {
  const tools = text('Trunk.toml').split('[tools]')[1];
  assert.match(tools, new RegExp(`^wasm_bindgen = "${VERSIONS.wasmBindgen.replaceAll('.', '\\.')}"$`, 'm'));
  assert.match(tools, new RegExp(`^wasm_opt = "version_${VERSIONS.binaryen}"$`, 'm'));
  assert.match(text('Cargo.toml'), new RegExp(`^wasm-bindgen = "=${VERSIONS.wasmBindgen.replaceAll('.', '\\.')}"$`, 'm'),
    'Cargo.toml pins the wasm-bindgen that Cargo.lock locks');
});

test('the nightly, Trunk and binaryen are read from their homes, not written again', () => {
  assert.match(VERSIONS.nightly, /^nightly-\d{4}-\d{2}-\d{2}$/);
  assert.match(text('Makefile'), /^WASM_TOOLCHAIN := \$\(shell sed -n 's\/\^WASM_TOOLCHAIN=\/\/p' tools\/install\.sh\)$/m);
  const install = text('tools/install.sh');
  assert.equal(install.split(VERSIONS.nightly).length, 2, 'install.sh writes the nightly once');
  assert.equal(install.split(VERSIONS.trunk).length, 2, 'install.sh writes Trunk\'s version once');
  assert.doesNotMatch(install, new RegExp(`\\b${VERSIONS.binaryen}\\b`), 'install.sh reads binaryen from package.json');
  assert.match(text('docs/TOOLCHAIN.md'), new RegExp(`\`${VERSIONS.nightly}\``), 'docs/TOOLCHAIN.md names the nightly in use');
});

test("the loader's file name is src/api.rs's LOADER_FILE; no tool writes it again", () => {
  assert.equal(LOADER_FILE, 'treatment-guide.js');
  // Code lines only, without a path that merely names it under src/.
  const code = (path) => text(path).split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n').replaceAll(`src/${LOADER_FILE}`, '');
  const scripts = [
    ...readdirSync(new URL('./', import.meta.url)).filter((f) => f.endsWith('.mjs') && !f.endsWith('.test.mjs')).map((f) => `tools/${f}`),
    ...readdirSync(new URL('../e2e-engines/', import.meta.url)).filter((f) => f.endsWith('.mjs')).map((f) => `e2e-engines/${f}`),
  ];
  const writers = scripts.filter((path) => code(path).includes(LOADER_FILE));
  assert.deepEqual(writers, [], `these write ${LOADER_FILE} instead of importing LOADER_FILE`);
});
