// The space an element holds until its content fills it: from its top to the window's bottom, when its top is in view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './fake-facts.mjs';

const { held } = await import('./reserve.js');

test('an element whose top is in the window holds the rest of the window, rounded up', () => {
  assert.equal(held(0, 800), 800);
  assert.equal(held(300.4, 800), 500);
  assert.equal(held(799.5, 800), 1);
});

test('an element below the fold, or scrolled past, holds nothing', () => {
  assert.equal(held(800, 800), 0);
  assert.equal(held(5000, 800), 0);
  assert.equal(held(-1, 800), 0);
});
