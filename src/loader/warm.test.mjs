import './fake-facts.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.Worker ??= function Worker() {};
const { worthWarming } = await import('./warm.js');

const page = new URL('https://charity.example/guide.html');
const own = new URL('https://charity.example/tg/warm-0123456789abcdef.js');

test('a warm-up worker is started only in Chromium with more than one core, from the page\'s own origin, never from a file', () => {
  const chromium = { userAgentData: { brands: [] } };
  assert.equal(worthWarming(page, chromium, own), true);
  assert.equal(worthWarming(page, {}, own), false, 'Firefox and WebKit compile off the main thread themselves');
  assert.equal(worthWarming(page, { ...chromium, hardwareConcurrency: 1 }, own), false, 'one core: the worker would take the page\'s');
  assert.equal(worthWarming(page, { ...chromium, hardwareConcurrency: 8 }, own), true);
  assert.equal(worthWarming(page, chromium, new URL('https://cdn.example/tg/warm.js')), false, 'a worker from another origin is refused');
  const file = new URL('file:///home/guide.html');
  assert.equal(worthWarming(file, chromium, new URL('file:///home/warm.js')), false, 'no worker from a file:// page');
});
