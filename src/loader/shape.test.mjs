// The guide before the code follows the element's attributes by the
// widget's own rules: the shared cases of tests/cases/attributes.json, which
// the Rust side (tests/attribute_rules.rs) answers too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fakeElement, page } from './fake-facts.mjs';

const { asciiLower, headingLevel, idPrefix, opened, renamed } = await import('./shape.js');
const CASES = JSON.parse(readFileSync(new URL('../../tests/cases/attributes.json', import.meta.url), 'utf8')).cases;
/** Every section of the guide, in order: the case that opens them all names each. */
const SECTIONS = CASES.find((c) => c.opens.length > 8).opens;

test('`open` opens the sections the shared cases show open', () => {
  for (const c of CASES) {
    const shown = opened(fakeElement({ open: c.open }), SECTIONS);
    assert.deepEqual(shown, c.shown === 'all' ? SECTIONS : SECTIONS.filter((id) => c.shown.includes(id)), `open=${JSON.stringify(c.open)}`);
  }
});

test('`heading-level` gives the shared cases\' levels', () => {
  for (const c of CASES) {
    assert.equal(headingLevel(fakeElement({ 'heading-level': c.headingLevel })), c.level, `heading-level=${JSON.stringify(c.headingLevel)}`);
  }
});

test('each guide of a page gets the shared cases\' id prefix, by its place', () => {
  const elements = CASES.map(() => fakeElement());
  page.splice(0, page.length, ...elements);
  for (const c of CASES) assert.equal(idPrefix(elements[c.position]), c.prefix);
  page.length = 0;
});

test('ids and links to them move under the prefix; other words stay', () => {
  assert.equal(renamed('tg-panel-chemotherapy', 'tg3'), 'tg3-panel-chemotherapy');
  assert.equal(renamed('#tg-chemotherapy', 'tg3'), '#tg3-chemotherapy');
  assert.equal(renamed('tgx-chemotherapy', 'tg3'), 'tgx-chemotherapy');
  assert.equal(renamed('other-tg-chemotherapy', 'tg3'), 'other-tg-chemotherapy');
  assert.equal(renamed('#', 'tg3'), '#');
});

test('only ASCII letters are lowered, as Rust\'s to_ascii_lowercase', () => {
  assert.equal(asciiLower('ÇHEMO-Therapy'), 'Çhemo-therapy');
});
