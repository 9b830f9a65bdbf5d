/**
 * The reader's place in the guide across the code's takeover: the events
 * recorded on the prerendered guide, the focused field and its caret, given
 * back to their twins in the tree the code renders.
 */
import { state } from './state.js';

/**
 * Where `node` is in the shadow root `root`: its id, or else the element
 * indexes that lead to it. The code renders the very tree the loader
 * prerendered, so the same place names the node's twin (see find).
 */
export function place(root, node) {
  if (node && node.nodeType !== 1) node = node.parentElement;
  if (!node || node.id) return { id: node && node.id };
  var path = [];
  for (; node && node !== root && node.parentNode; node = node.parentNode) {
    path.unshift(Array.prototype.indexOf.call(node.parentNode.children, node));
  }
  return { path: path };
}

/** The element at `at` (see place) in `root` now, or null. */
export function find(root, at) {
  if (at.id !== undefined) return at.id ? root.getElementById(at.id) : null;
  var node = root;
  for (var i = 0; node && i < at.path.length; i++) node = node.children[at.path[i]];
  return node || null;
}

/** The focused element of the guide, with its caret, to give back to its twin. */
export function focusOf(root) {
  var active = root.activeElement;
  if (!active) return null;
  var caret = typeof active.selectionStart === 'number';
  return { at: place(root, active), value: active.value, start: caret ? active.selectionStart : null, end: caret ? active.selectionEnd : null };
}

/** Focuses the twin of what `focusOf` recorded, caret and text included, unless focus has moved on. */
export function refocus(root, focus) {
  if (!focus || root.activeElement) return;
  var twin = find(root, focus.at);
  if (!twin || (document.activeElement && document.activeElement !== document.body && document.activeElement !== root.host)) return;
  if (typeof focus.value === 'string' && twin.value !== focus.value) twin.value = focus.value;
  twin.focus({ preventScroll: true });
  if (focus.start !== null && twin.setSelectionRange) twin.setSelectionRange(focus.start, focus.end);
}

/**
 * The events of `early` worth replaying, in order: every click, and of a
 * field's inputs only its last (it holds the text typed, and leaves the
 * caret where the reader put it).
 */
export function replayed(early) {
  return early.filter(function (e, i) {
    return e.type !== 'input' || !early.slice(i + 1).some(function (f) { return f.type === 'input' && f.target === e.target; });
  });
}

/**
 * Replays the events recorded before the code ran, on the same element or
 * its new twin (same place), then marks the guide live (`data-tg-live`).
 */
export function replay(element) {
  var s = state(element);
  var early = s.early || [];
  s.early = null;
  var mount = element.shadowRoot.lastElementChild;
  if (mount) mount.setAttribute('data-tg-live', '');
  replayed(early).forEach(function (e) {
    var target = e.target.isConnected ? e.target : find(element.shadowRoot, e.at);
    if (!target) return;
    if (e.type === 'click') return target.click();
    // Taking the guide over resets a field to its rendered value: put the reader's text back.
    if (typeof e.value === 'string' && target.value !== e.value) target.value = e.value;
    target.dispatchEvent(new Event(e.type, { bubbles: true, composed: true }));
  });
}
