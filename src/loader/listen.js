/** Loads the read-aloud module for every widget's Listen controls. */
import { LISTEN, base } from './facts.js';

/** The read-aloud module once imported (a promise), or null. */
var speaking = null;

/**
 * Hands the widget whose shadow root is `root` to the read-aloud module
 * (src/listen.js), which shows its Listen controls and reads aloud. The
 * widget renders each control unseen, marked `data-listen`; the module
 * (3 KiB) is imported when the page is next idle after one first appears
 * (a section opened, a drug card shown), so a reader who opens nothing
 * never downloads it. When it cannot be loaded, the controls stay unseen.
 */
export function listen(root) {
  if (root._listen) return;
  root._listen = true;
  var observer = new MutationObserver(found);
  function found() {
    if (!root.querySelector('[data-listen]')) return;
    observer.disconnect();
    (window.requestIdleCallback || setTimeout)(function listenTask() {
      speaking = speaking || import(new URL(LISTEN, base).href);
      speaking.then(function (module) { module.watch(root); }, function (error) {
        speaking = null;
        console.error('treatment-guide: the read-aloud code could not be loaded.', error);
      });
    });
  }
  observer.observe(root, { childList: true, subtree: true });
  found();
}
