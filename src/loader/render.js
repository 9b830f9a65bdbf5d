/** Renders the widget's code into an element, and takes it out again. */
import { MANIFEST } from './facts.js';
import { bundle } from './bundles.js';
import { instance, putBack, read, reader } from './code.js';
import { crash, fallback } from './fallback.js';
import { asked, language } from './language.js';
import { listen } from './listen.js';
import { contentSrc, hasContent } from './prerender.js';
import { dispatch, settle } from './ready.js';
import { focusOf, refocus, replay } from './replay.js';
import { releaseWhenFilled } from './reserve.js';
import { state } from './state.js';

/** Renders the widget's code into `element`, in place of what it shows, on an instance of its own. */
export function render(element) {
  var s = state(element);
  var attempt = {};
  s.attempt = attempt;
  s.shown = undefined;
  if (s.glue && s.glue.trapped()) s.glue = null;
  var lang = language(element);
  var content = hasContent(element);
  // The content reader downloads beside the code, so it is there when the content is.
  if (content) reader().catch(function () {});
  var ready = Promise.all([s.glue ? Promise.resolve(s.glue) : instance(), bundle(lang)])
    .then(function (loaded) {
      s.bundle = loaded[1];
      // The default language when the language's file could not be loaded.
      s.lang = loaded[1] || lang === MANIFEST.defaultLanguage ? lang : MANIFEST.defaultLanguage;
      return loaded[0];
    });
  // A failure of the code itself (a trap), or anything that means it cannot run here.
  var failed = function failedTask(error) {
    if (s.attempt !== attempt) return;
    fallback(element, error, error instanceof WebAssembly.RuntimeError);
  };
  // Prepare in the task that instantiated the code, render in a task of its
  // own, so that neither keeps the page's main thread busy for long. Each
  // step is a named function, as the browser's Long Animation Frames name it.
  ready.then(function prepareTask(glue) {
    if (!content) glue.prepare(s.lang);
    setTimeout(function mountTask() {
      try {
        mountWith(element, attempt, glue);
      } catch (error) {
        failed(error);
      }
    }, 0);
  }).catch(failed);
}

/** Mounts the widget's code `glue` into `element` for `attempt` (see render), unless a newer attempt or the element's removal came first. */
function mountWith(element, attempt, glue) {
  var s = state(element);
  if (s.attempt !== attempt || !element.isConnected) {
    if (!s.glue) putBack(glue);
    return;
  }
  var focus = focusOf(element.shadowRoot);
  unmount(element);
  // The notice and plain guide of a failure give way to the new widget.
  if (s.crashed) element.shadowRoot.replaceChildren();
  s.crashed = false;
  s.attempt = attempt;
  s.glue = glue;
  glue.onTrap(function trappedIn(error) { if (s.glue === glue) crash(element, error); });
  // The widget reads the element's other attributes itself; the language
  // asked is told it so that it can say when the content shown is in another.
  s.widget = glue.mount(
    element,
    s.lang,
    asked(element),
    s.bundle ? s.bundle.content : undefined,
    s.content == null ? undefined : s.content,
    contentSrc(element) || undefined,
    read,
    function notify(type, detail) { dispatch(element, type, detail); },
    function shown() {
      setTimeout(function replayTask() {
        if (s.attempt !== attempt) return;
        replay(element);
        settle(element, s.widget);
      }, 0);
    });
  listen(element.shadowRoot);
  // The code renders its tree in a microtask queued by mount: then give focus back.
  Promise.resolve().then(function focusTask() { refocus(element.shadowRoot, focus); });
  releaseWhenFilled(element);
}

/** Takes the widget out of `element`, and gives its instance back when the element has left the page. */
export function unmount(element) {
  var s = state(element);
  s.attempt = null;
  s.shown = undefined;
  var glue = s.glue;
  // The prerendered guide stays until a widget has been mounted (which takes its place).
  var mounted = !!s.widget;
  if (s.widget) {
    try {
      s.widget.unmount();
      s.widget.free();
    } catch (error) {
      // The instance failed earlier and has already said so.
    }
    s.widget = null;
  }
  if (element.shadowRoot && (mounted || !element.isConnected)) element.shadowRoot.replaceChildren();
  if (glue && !element.isConnected) {
    s.glue = null;
    if (!glue.trapped()) putBack(glue);
  }
}
