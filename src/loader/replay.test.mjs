// The reader's place across the takeover: which early events are replayed, and where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './fake-facts.mjs';

const { find, place, replayed } = await import('./replay.js');

test('every click is replayed, and of each field\'s typing only its last input', () => {
  const field = {};
  const other = {};
  const early = [
    { type: 'input', target: field, value: 'O' },
    { type: 'click', target: other },
    { type: 'input', target: field, value: 'On' },
    { type: 'input', target: other, value: 'x' },
    { type: 'click', target: other },
  ];
  assert.deepEqual(replayed(early), [early[1], early[2], early[3], early[4]]);
  assert.deepEqual(replayed([]), []);
});

/** A tiny element tree: `tree` is [id, ...children]. */
function build(tree, parent) {
  const [id, ...kids] = tree;
  const node = { nodeType: 1, id, parentNode: parent, children: [] };
  node.children = kids.map((kid) => build(kid, node));
  return node;
}

test('a node is found again by its id, else by the path of indexes to it', () => {
  const root = build(['', ['', ['', ['named'], ['']]]], null);
  root.getElementById = (id) => (id === 'named' ? root.children[0].children[0].children[0] : null);
  const unnamed = root.children[0].children[0].children[1];
  const at = place(root, unnamed);
  assert.deepEqual(at, { path: [0, 0, 1] });
  assert.equal(find(root, at), unnamed);
  const text = { nodeType: 3, parentElement: root.children[0].children[0].children[0] };
  assert.deepEqual(place(root, text), { id: 'named' }, 'a text node stands for its element');
  assert.equal(find(root, { id: 'named' }), text.parentElement);
  assert.equal(find(root, { path: [0, 5] }), null, 'a place the new tree lacks finds nothing');
});
