/** When a widget's code is fetched: once its guide is painted, and once the reader nears it. */
import { state } from './state.js';

/**
 * Calls `start` once the prerendered guide has been painted: after the next
 * frame, in a task of its own. A download started earlier competes with the
 * host page's first paint, and counts against its Largest Contentful Paint.
 * A second call for the same element before then is dropped.
 */
export function whenPainted(element, start) {
  var s = state(element);
  if (s.painting) return;
  s.painting = true;
  var go = function () {
    s.painting = false;
    start();
  };
  // A hidden page paints nothing (and runs no frames): start at once.
  if (document.hidden) return setTimeout(go, 0);
  requestAnimationFrame(function () { setTimeout(go, 0); });
}

/** How far below the window (in window heights) a widget still loads at once. */
var NEAR = 1;
/** The longest a far widget waits for the page to be idle before it loads anyway (ms). */
var IDLE_WAIT = 5000;

/** Whether a widget whose top is at `top` (px from the window's top) in a window `height` tall is near enough to load at once. */
export function near(top, height) {
  return top < (NEAR + 1) * height;
}

/** Calls `go` when the page is next idle, or after `wait` ms at most. */
export function whenIdle(go, wait) {
  if (window.requestIdleCallback) requestIdleCallback(go, { timeout: wait });
  else setTimeout(go, wait);
}

/**
 * Calls `start` at once for a widget in view or near it, and for a page
 * that links into the guide (#tg…). A widget far below the fold starts
 * when the reader nears it (within NEAR window heights), moves into it
 * (focus, pointer), or when the page is idle, whichever comes first: its
 * download and start-up then never compete with the host page's own.
 */
export function whenNear(element, start) {
  var s = state(element);
  if (s.far) return;
  var top = element.getBoundingClientRect().top;
  if (near(top, innerHeight) || !window.IntersectionObserver || /^#tg/.test(location.hash)) return start();
  s.far = true;
  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) go();
  }, { rootMargin: NEAR * 100 + '% 0px' });
  var go = function () {
    if (!observer) return;
    observer.disconnect();
    observer = null;
    s.far = false;
    element.removeEventListener('focusin', go);
    element.removeEventListener('pointerdown', go);
    start();
  };
  observer.observe(element);
  element.addEventListener('focusin', go);
  element.addEventListener('pointerdown', go);
  whenIdle(go, IDLE_WAIT);
}
