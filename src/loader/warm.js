/**
 * The widget's code compiled off the page's main thread, where the engine
 * would compile it on that thread (see src/warm.js, the worker).
 */
import { GLUE, WARM, base } from './facts.js';
import { nextTask } from './timing.js';

/** The longest the page waits for the worker once the code is downloaded (ms): it then goes on without it. */
export var WARM_WAIT = 1500;

/**
 * Whether a warm-up worker pays here: only where WebAssembly is compiled
 * function by function on first call and the compiled code is shared
 * between threads, that is in Chromium's engine (V8), which alone gives
 * `navigator.userAgentData`. Firefox and WebKit compile the whole module
 * off the main thread as it downloads: a worker would only add work.
 * A device with a single core would run the worker on the page's own core:
 * no gain. The worker must come from the page's own origin (a browser
 * refuses any other) and cannot start from a file:// page.
 */
export function worthWarming(where, nav, url) {
  return !!(nav && nav.userAgentData) && (nav.hardwareConcurrency || 2) > 1 && typeof Worker === 'function'
    && where.protocol !== 'file:' && url.origin === where.origin;
}

/**
 * `compiled` (a promise of the widget's WebAssembly.Module), resolved once a
 * worker has run the widget's start-up on it, so that the page's instance
 * finds its functions compiled; at once where no worker can help or start
 * (worthWarming, a page whose Content-Security-Policy refuses workers), and
 * after WARM_WAIT at most. Call it when the download starts, with `glue`,
 * the promise of the page's import of the glue: the worker starts and loads
 * the glue meanwhile.
 */
export function warmed(compiled, glue) {
  var url = new URL(WARM, base);
  if (!worthWarming(location, navigator, url)) return compiled;
  // The worker starts once the page has the glue, so that its own import of
  // the glue comes from the browser's cache, and in a task of its own:
  // starting one costs the page's main thread a few milliseconds.
  var started = Promise.resolve(glue).then(function () { return nextTask(); }).then(function workerTask() {
    var worker = new Worker(url, { type: 'module', name: 'treatment-guide warm-up' });
    worker.postMessage({ glue: new URL(GLUE, base).href });
    return worker;
  });
  return Promise.all([compiled, started.catch(function () { return null; })]).then(function (both) {
    var module = both[0];
    var worker = both[1];
    // A page whose Content-Security-Policy refuses workers: on without one.
    if (!worker) return module;
    return new Promise(function (go) {
      var goOn = function goOnTask() {
        clearTimeout(timer);
        worker.terminate();
        go(module);
      };
      var timer = setTimeout(goOn, WARM_WAIT);
      worker.onmessage = worker.onerror = goOn;
      worker.postMessage({ module: module });
    });
  }, function (error) {
    started.then(function (worker) { worker.terminate(); }, function () {});
    throw error;
  });
}
