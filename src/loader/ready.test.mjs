// The element's methods wait for the content, then drive the widget, or answer for the plain guide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeElement } from './fake-facts.mjs';

const { call, settle } = await import('./ready.js');
const { newState } = await import('./state.js');

/** An element with a state, whose events are kept in `events`. */
function element() {
  const e = fakeElement();
  e._state = newState();
  e.events = [];
  e.dispatchEvent = (event) => e.events.push(event.type);
  return e;
}

test('a call made before the content is shown runs once it is, and ready resolves with one tg-ready', async () => {
  const e = element();
  const glue = { trapped: () => false };
  const calls = [];
  const answer = call(e, (widget) => { calls.push(widget); return 'opened'; }, false);
  await new Promise((done) => setTimeout(done, 5));
  assert.deepEqual(calls, [], 'nothing runs before the content is shown');
  e._state.glue = glue;
  settle(e, 'the widget');
  settle(e, 'the widget');
  assert.equal(await answer, 'opened');
  assert.deepEqual(calls, ['the widget']);
  await e._state.ready;
  assert.deepEqual(e.events, ['tg-ready'], 'tg-ready once');
});

test('with the plain guide, or a trapped instance, a call answers `otherwise` and runs nothing', async () => {
  const e = element();
  settle(e, null);
  assert.equal(await call(e, () => assert.fail('ran'), false), false);
  const t = element();
  t._state.glue = { trapped: () => true };
  settle(t, 'the widget');
  assert.equal(await call(t, () => assert.fail('ran'), null), null);
});
