import { state } from './state.js';

/** Elements holding space until the reader's first input (see reserve). */
var reserved = [];

/**
 * Until the widget's own content fills it, an element keeps at least the
 * height from its top to the bottom of the window. The widget appears, and
 * grows, with every host element after it below the fold, so nothing the
 * reader sees moves (no layout shift). The space is given back when the
 * content fills it, when the reader scrolls (browsers keep what is in view
 * in place), or just after the reader's first click, tap or key (a shift
 * right after input is one the reader caused, and is not counted).
 *
 * The element is measured when the browser next lays the page out, in a
 * ResizeObserver's first callback (which runs after layout, before paint),
 * not at once: reading its place now would force a layout of its own.
 */
export function reserve(element) {
  var s = state(element);
  if (s.reserve || s.measuring || !element.shadowRoot.adoptedStyleSheets) return;
  if (!window.ResizeObserver) return hold(element);
  var observer = new ResizeObserver(function measureTask() {
    observer.disconnect();
    if (s.measuring !== observer) return;
    s.measuring = null;
    if (element.isConnected && !s.widget) hold(element);
  });
  s.measuring = observer;
  observer.observe(element);
}

/** The height `element` holds when its top is at `top` in a window `height` tall (see reserve); 0 when none. */
export function held(top, height) {
  // Below the fold, or scrolled past: nothing in view can move.
  return top < 0 || top >= height ? 0 : Math.ceil(height - top);
}

/** Holds the space of reserve for `element`, whose layout is known. */
function hold(element) {
  var s = state(element);
  var root = element.shadowRoot;
  if (!element.getClientRects().length) return;
  var height = held(element.getBoundingClientRect().top, window.innerHeight);
  if (!height) return;
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(':host(:not([hidden])){display:block;min-height:' + height + 'px}');
  root.adoptedStyleSheets = root.adoptedStyleSheets.concat(sheet);
  s.reserve = sheet;
  s.reserveHeight = height;
  if (!reserved.length) {
    addEventListener('pointerup', releaseSoon, true);
    addEventListener('keydown', releaseSoon, true);
    addEventListener('scroll', releaseAll, { capture: true, passive: true });
  }
  reserved.push(element);
}

/** Gives back the space once the mounted content is as tall as it. */
export function releaseWhenFilled(element) {
  var s = state(element);
  var mount = s.reserve && window.ResizeObserver && element.shadowRoot.lastElementChild;
  if (!mount) return;
  var observer = new ResizeObserver(function filledTask() {
    if (!s.reserve || mount.getBoundingClientRect().height >= s.reserveHeight) {
      observer.disconnect();
      release(element);
    }
  });
  observer.observe(mount);
}

/** Gives back the space `element` holds, if any. */
export function release(element) {
  var s = state(element);
  if (s.measuring) s.measuring.disconnect();
  s.measuring = null;
  var sheet = s.reserve;
  if (!sheet) return;
  s.reserve = null;
  var root = element.shadowRoot;
  root.adoptedStyleSheets = root.adoptedStyleSheets.filter(function (other) { return other !== sheet; });
  var at = reserved.indexOf(element);
  if (at >= 0) reserved.splice(at, 1);
}

function releaseAll() {
  removeEventListener('pointerup', releaseSoon, true);
  removeEventListener('keydown', releaseSoon, true);
  removeEventListener('scroll', releaseAll, { capture: true, passive: true });
  reserved.slice().forEach(release);
}

/**
 * After the click or key has done its work and its result is painted, so
 * that its target does not move under it, and the reader sees the answer
 * to their input without waiting for the page to be laid out again.
 */
function releaseSoon() {
  requestAnimationFrame(function releaseTask() { setTimeout(releaseAll, 0); });
}
