// The modules' file steps without Trunk (`make test-tools`): a fake build
// stands in for Trunk's wasm-bindgen output; e2e/content.test.mjs and
// e2e/check.test.mjs load the real ones in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE, READER_GLUE, READER_WASM, readerFiles, takeBuilt, writeChecker, writeReader } from './module-build.mjs';

const temp = (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tg-module-build-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** What wasm-bindgen `--target web` writes for the reader, in short. */
const readerBuild = (byte) => ({
  glue: "export function read_content(text) { return text; }\n"
    + "export default async function init(input) { input ??= new URL('reader_bg.wasm', import.meta.url); return input; }\n",
  wasm: Buffer.from([0, 97, 115, 109, 1, 0, 0, byte]),
  name: 'reader_bg.wasm',
});

test('the content reader: its wasm and glue under their hashes, the glue naming the wasm; a new build replaces the old', async (t) => {
  const dir = temp(t);
  const first = await writeReader(dir, readerBuild(0));
  assert.match(first.glue, READER_GLUE);
  assert.match(first.wasm, READER_WASM);
  assert.deepEqual(readerFiles(dir), first);
  const glue = readFileSync(join(dir, first.glue), 'utf8');
  assert.ok(glue.includes(`'${first.wasm}'`) || glue.includes(`"${first.wasm}"`), `the glue names ${first.wasm}: ${glue}`);
  assert.ok(!glue.includes('reader_bg.wasm') && !glue.includes('\n\n'), 'minified, with the hashed name only');
  assert.deepEqual(readFileSync(join(dir, first.wasm)), readerBuild(0).wasm);

  const second = await writeReader(dir, readerBuild(1));
  assert.notEqual(second.wasm, first.wasm);
  assert.notEqual(second.glue, first.glue, 'the glue names another wasm, so it has another hash');
  assert.deepEqual(readdirSync(dir).sort(), [second.glue, second.wasm].sort(), 'the old files are gone');

  await assert.rejects(writeReader(dir, { ...readerBuild(2), name: 'other_bg.wasm' }), /does not name other_bg\.wasm/);
  assert.deepEqual(readerFiles(dir), second, 'a failed step leaves the reader there');
  rmSync(join(dir, second.wasm));
  assert.throws(() => readerFiles(dir), /expected one content reader/);
});

test('the checker: one engine script, named in check.html in place of its placeholder', (t) => {
  const dir = temp(t);
  writeFileSync(join(dir, 'check.html'), '<script src="__TG_CHECKER__" defer></script>');
  const built = { glue: 'var wasm_bindgen = function () {};', wasm: Buffer.from([0, 97, 115, 109]) };
  const name = writeChecker(dir, built);
  assert.match(name, ENGINE);
  assert.ok(readFileSync(join(dir, name), 'utf8').includes(`TG_CHECKER_WASM = "${built.wasm.toString('base64')}"`));
  assert.equal(readFileSync(join(dir, 'check.html'), 'utf8'), `<script src="${name}" defer></script>`);
  assert.deepEqual(readdirSync(dir).sort(), ['check.html', name].sort());
  assert.throws(() => writeChecker(dir, built), /check\.html in .* has no __TG_CHECKER__/, 'a check.html already pointed is not pointed again');
});

test("Trunk's output for a module is taken out of the folder; a folder without it is named", (t) => {
  const dir = temp(t);
  writeFileSync(join(dir, 'tg-reader.js'), "new URL('tg-reader_bg.wasm', import.meta.url)");
  writeFileSync(join(dir, 'tg-reader_bg.wasm'), Buffer.from([0, 97, 115, 109]));
  const built = takeBuilt(dir, 'reader');
  assert.equal(built.name, 'tg-reader_bg.wasm');
  assert.ok(built.glue.includes(`'${built.name}'`));
  assert.deepEqual(built.wasm, Buffer.from([0, 97, 115, 109]));
  assert.deepEqual(readdirSync(dir), [], "Trunk's names are not served");
  assert.throws(() => takeBuilt(dir, 'checker'), /no tg-checker\.js and tg-checker_bg\.wasm from Trunk/);
});
