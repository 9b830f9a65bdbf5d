// Which widgets load at once: those in view or within a window's height below it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './fake-facts.mjs';

const { near } = await import('./timing.js');

test('a widget within one window below the fold is near; one further is not', () => {
  assert.equal(near(0, 800), true);
  assert.equal(near(1599, 800), true);
  assert.equal(near(1600, 800), false);
  assert.equal(near(-5000, 800), true, 'scrolled past counts as near');
});

test('a Largest Contentful Paint naming no element, the element, or one inside it is the guide\'s', async () => {
  const { ours } = await import('./timing.js');
  const inside = {};
  const element = { contains: (node) => node === inside };
  assert.equal(ours(element, null), true, 'a paint in a shadow root names no element');
  assert.equal(ours(element, element), true);
  assert.equal(ours(element, inside), true);
  assert.equal(ours(element, {}), false, 'the host page\'s own heading or image is not');
});
