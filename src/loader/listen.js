/** The page's speaker for every widget's Listen controls. */
import { LISTEN, base } from './facts.js';

/** The read-aloud module once imported (a promise), or null. */
var speaking = null;

/**
 * The page's speaker, which every widget's Listen controls call:
 * `listen(command, …arguments)` runs the read-aloud module's command. The
 * module (1.5 KiB) is imported when the page is next idle after a Listen
 * button first shows (`load`: a section opened on a device with a local
 * voice), or on the first `start`: a reader who never opens a section
 * never downloads it, and one who presses Listen hears it at once. Before
 * that, other commands have nothing to do. When it cannot be loaded, the
 * control is told it is idle again.
 */
export function listen(command) {
  var args = Array.prototype.slice.call(arguments, 1);
  if (command === 'load') return speaking || (window.requestIdleCallback || setTimeout)(function () { listen('ready'); });
  if (!speaking && command !== 'start' && command !== 'ready') return;
  if (!speaking) {
    speaking = import(new URL(LISTEN, base).href);
    speaking.catch(function (error) {
      speaking = null;
      console.error('treatment-guide: the read-aloud code could not be loaded.', error);
      if (args[1]) args[1].dispatchEvent(new CustomEvent('tg-listen', { detail: { state: 'idle' } }));
    });
  }
  if (command !== 'ready') speaking.then(function (module) { module[command].apply(null, args); }, function () {});
}
