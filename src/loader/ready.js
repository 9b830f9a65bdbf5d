/** `ready`, `tg-ready`, and the element's method calls waiting for the content. */
import { EVENTS } from './facts.js';
import { state } from './state.js';
import { nextTask } from './timing.js';

/** An event on the element: bubbling and composed, so a host page hears it anywhere above. */
export function dispatch(element, type, detail) {
  element.dispatchEvent(new CustomEvent(type, { detail: detail === undefined ? null : detail, bubbles: true, composed: true }));
}

/**
 * The content is shown: once the reader's early events are replayed, the
 * element's methods reach `widget` (null: the plain guide, which they
 * cannot drive), `ready` resolves and `tg-ready` is dispatched (once).
 */
export function settle(element, widget) {
  var s = state(element);
  s.shown = widget;
  if (s.resolveReady) {
    s.resolveReady();
    s.resolveReady = null;
    dispatch(element, EVENTS.ready);
  }
  var waiting = s.waiting;
  s.waiting = [];
  waiting.forEach(function (resume) { resume(widget); });
}

/**
 * Runs `act` on the element's widget once its content is shown (at once
 * when it is), then resolves with its result after the view has rendered;
 * with `otherwise` when only the plain guide is shown.
 */
export function call(element, act, otherwise) {
  var s = state(element);
  return new Promise(function (resume) {
    if (s.shown !== undefined) resume(s.shown);
    else s.waiting.push(resume);
  }).then(function (widget) {
    if (!widget || !s.glue || s.glue.trapped()) return otherwise;
    var result = act(widget);
    return nextTask(result);
  });
}
