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
 */
export function reserve(element) {
  var root = element.shadowRoot;
  var s = state(element);
  if (s.reserve || !root.adoptedStyleSheets || !element.getClientRects().length) return;
  var top = element.getBoundingClientRect().top;
  // Below the fold, or scrolled past: nothing in view can move.
  if (top < 0 || top >= window.innerHeight) return;
  var height = Math.ceil(window.innerHeight - top);
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
  var observer = new ResizeObserver(function () {
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

/** After the click or key has done its work, so its target does not move under it. */
function releaseSoon() {
  setTimeout(releaseAll, 0);
}
