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
