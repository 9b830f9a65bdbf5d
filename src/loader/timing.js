/** When a widget's code is fetched: once its guide is on screen, and once the reader nears it. */
import { state } from './state.js';

/** A promise of `value`, resolved in a task of its own (after the page's pending work). */
export function nextTask(value) {
  return new Promise(function (go) { setTimeout(go, 0, value); });
}

/**
 * The longest a widget waits for the browser to report the page's largest
 * paint, after the frame that painted its guide (ms): a page whose largest
 * paint is not the guide's (a larger image above it) reports none.
 */
export var PAINT_WAIT = 250;

/**
 * Whether a paint of `painted` (a Largest Contentful Paint's element) is one
 * of `element`'s guide: the browser names no element in a shadow root (null).
 */
export function ours(element, painted) {
  return !painted || element === painted || element.contains(painted);
}

/**
 * Calls `start` once the prerendered guide is on screen: in a task of its
 * own once the browser reports a Largest Contentful Paint of the guide
 * (when its text is the largest on the page so far), or
 * PAINT_WAIT after the frame that painted it; where the browser reports no
 * such paint (Safari), one frame after that frame. A frame reaches the
 * screen some time after the main thread paints it. A download started
 * before the largest paint competes with it, and Lighthouse counts every
 * request started before that paint as one the paint waited for. A second
 * call for the same element before then is dropped.
 */
export function whenPainted(element, start) {
  var s = state(element);
  if (s.painting) return;
  s.painting = true;
  var since = performance.now();
  var observer = null;
  var timer = null;
  var go = function startTask() {
    if (!s.painting) return;
    s.painting = false;
    if (observer) observer.disconnect();
    clearTimeout(timer);
    start();
  };
  // A hidden page paints nothing (and runs no frames): start at once.
  if (document.hidden) return setTimeout(go, 0);
  var largest = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (largest && largest.indexOf('largest-contentful-paint') >= 0) {
    observer = new PerformanceObserver(function paintedTask(list) {
      if (list.getEntries().some(function (entry) { return entry.startTime >= since && ours(element, entry.element); })) setTimeout(go, 0);
    });
    observer.observe({ type: 'largest-contentful-paint' });
  }
  requestAnimationFrame(function paintingTask() {
    requestAnimationFrame(function shownTask() { timer = setTimeout(go, observer ? PAINT_WAIT : 0); });
  });
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
 * Calls `start` for a widget in view or near it, and at once for a page
 * that links into the guide (#tg…). A widget far below the fold starts
 * when the reader nears it (within NEAR window heights), moves into it
 * (focus, pointer), or when the page is idle, whichever comes first: its
 * download and start-up then never compete with the host page's own. Where
 * the widget is comes from an IntersectionObserver, whose first answer
 * comes with the next frame's layout: reading it now would force a layout.
 */
export function whenNear(element, start) {
  var s = state(element);
  if (s.far) return;
  if (!window.IntersectionObserver || /^#tg/.test(location.hash)) return start();
  s.far = true;
  var observer = new IntersectionObserver(function nearTask(entries) {
    var entry = entries[entries.length - 1];
    if (entry.isIntersecting || near(entry.boundingClientRect.top, innerHeight)) go();
  }, { rootMargin: NEAR * 100 + '% 0px' });
  var go = function goTask() {
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
