/**
 * The contrast lint, for web staff (contrast.js, a file of its own): loaded
 * only for an element with `debug`, or whose page sets the widget's
 * colours, and then when the page is idle, so it costs readers nothing.
 */
import { CONTRAST, MANIFEST, base } from './facts.js';
import { setsColours } from './colours.js';
import { whenIdle } from './timing.js';

/** The longest the lint waits for the page to be idle (ms). */
var LINT_WAIT = 2000;

/** Whether the lint is worth loading for `element`: it has `debug`, or the page sets one of the widget's colours. */
export function linted(element) {
  return element.hasAttribute(MANIFEST.debug) || setsColours(getComputedStyle(element));
}

/** Lints the colours of `element` once the page's own stylesheets have all loaded, when the page is idle (see above). */
export function lintLater(element) {
  var check = function () {
    whenIdle(function lintTask() {
      if (!element.isConnected || !linted(element)) return;
      import(new URL(CONTRAST, base).href).then(function (module) { module.warnContrast(element); }, function (error) {
        console.warn('treatment-guide: the contrast check could not be loaded.', error);
      });
    }, LINT_WAIT);
  };
  if (document.readyState === 'complete') setTimeout(check, 0);
  else addEventListener('load', check, { once: true });
}
