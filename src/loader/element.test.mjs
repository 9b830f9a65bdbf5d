// The element's fields and methods come from the manifest's table, and run on the widget by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeElement } from './fake-facts.mjs';

globalThis.HTMLElement = class {};
const { elementClass } = await import('./element.js');
const { settle } = await import('./ready.js');
const { newState } = await import('./state.js');
const { contentSrc, hasContent } = await import('./prerender.js');

const Element = elementClass();
const manifest = globalThis.__TG_MANIFEST__;

/** An element of the class, with a state, whose events are dropped. */
function element() {
  const e = Object.create(Element.prototype);
  e._state = newState();
  e.dispatchEvent = () => {};
  return e;
}

test('the class has every method and field the manifest names, and no other', () => {
  const own = Object.getOwnPropertyNames(Element.prototype).filter((name) => name !== 'constructor' && !name.endsWith('Callback'));
  assert.deepEqual(own.sort(), [...manifest.methods.map((m) => m[0]), manifest.contentMethod, manifest.readyField].sort());
  assert.equal(Element.version, '0.0.0', 'the static field is the version');
  const e = element();
  assert.equal(e.ready, e._state.ready, 'the other field is the ready promise');
});

test('a method runs on the widget by its name, with its argument as text; it gives `otherwise` for the plain guide', async () => {
  const e = element();
  const calls = [];
  e._state.glue = { trapped: () => false };
  settle(e, { call: (name, argument) => { calls.push([name, argument]); return name === 'openSection'; } });
  assert.equal(await e.openSection(7), true);
  assert.equal(await e.openAll('ignored'), false);
  assert.deepEqual(calls, [['openSection', '7'], ['openAll', 'ignored']]);
  const plain = element();
  settle(plain, null);
  assert.equal(await plain.openSection('x'), false);
  assert.equal(await plain.openAll(), undefined);
});

test('setContent is the loader\'s own: it keeps the text for the widget it mounts', async () => {
  const e = element();
  const shown = e.setContent(42);
  assert.equal(e._state.content, '42');
  settle(e, null);
  assert.equal(await shown, undefined);
  e.setContent(null);
  assert.equal(e._state.content, null);
});

test('a blank content-src is none: the widget is given the trimmed address, or nothing', () => {
  const src = (value) => { const e = fakeElement({ 'content-src': value }); e._state = newState(); return e; };
  assert.equal(contentSrc(src(' guide.json ')), 'guide.json');
  assert.equal(contentSrc(src('  ')), null);
  assert.equal(contentSrc(src(null)), null);
  assert.equal(hasContent(src(' \t')), false);
  const given = src(null);
  given._state.content = '{}';
  assert.equal(hasContent(given), true, 'text given to setContent is content too');
});
