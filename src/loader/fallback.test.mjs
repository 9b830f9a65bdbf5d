// What a failure is: its tg-error kind, the reader's note and the web staff's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './fake-facts.mjs';

const { diagnosis } = await import('./fallback.js');

test('no WebAssembly: no-wasm, the no-search note', () => {
  assert.deepEqual(diagnosis(null, false), { csp: false, kind: 'no-wasm', key: 'no_search', message: 'this browser has no WebAssembly' });
});

test('a policy that forbids WebAssembly is named, in each engine\'s words', () => {
  for (const words of [
    "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive",
    "Refused to create a WebAssembly object because 'wasm-unsafe-eval' or 'unsafe-eval' is not an allowed source",
    'call to WebAssembly.compileStreaming() blocked by CSP',
  ]) {
    const found = diagnosis(new Error(words), false);
    assert.equal(found.csp, true, words);
    assert.equal(found.kind, 'no-wasm');
    assert.equal(found.key, 'no_search');
    assert.match(found.message, /'wasm-unsafe-eval' to its script-src/);
  }
});

test('a failed download: load-failed, with its cause', () => {
  const found = diagnosis(new Error('HTTP 404 for https://cdn.example/dist/x.wasm'), false);
  assert.deepEqual(found, { csp: false, kind: 'load-failed', key: 'load_failed', message: 'the drug search could not be loaded: HTTP 404 for https://cdn.example/dist/x.wasm' });
});

test('a trap is a crash, even when its words name a policy', () => {
  const found = diagnosis(new Error('unreachable CSP'), true);
  assert.deepEqual(found, { csp: false, kind: 'crash', key: 'crash', message: 'internal error (unreachable CSP); the plain guide is shown' });
});
