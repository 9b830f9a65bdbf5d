/** The guide shown at once, before the code has loaded. */
import { BUILT_IN, MANIFEST } from './facts.js';
import { bundle } from './bundles.js';
import { language } from './language.js';
import { place } from './replay.js';
import { shaped } from './shape.js';
import { state } from './state.js';

/** Events that reach the guide before its code runs; replayed once it does. */
var EARLY_EVENTS = ['click', 'input'];

/**
 * The element's content-src, trimmed; null when it has none, or a blank one
 * (the one place this is decided: the widget is given the answer).
 */
export function contentSrc(element) {
  var src = (element.getAttribute(MANIFEST.contentSrc) || '').trim();
  return src || null;
}

/** Whether the element shows a content file (content-src, or text given to setContent) instead of the built-in guide. */
export function hasContent(element) {
  return state(element).content != null || contentSrc(element) != null;
}

/**
 * Shows the prerendered guide at once, before the code has loaded, and
 * records the reader's clicks and typing on it so that none is lost: the
 * code replays them once it has taken the guide over. Called again while
 * it is shown (an attribute changed), shows it as the attributes now ask.
 */
function prerender(element, guide) {
  var root = element.shadowRoot;
  var s = state(element);
  // Not over a widget already there, nor when a content file replaces the text.
  if (s.widget || hasContent(element)) return;
  // Shown already, and an attribute has changed since: the same guide as it asks now.
  if (s.early && root.lastElementChild) return root.lastElementChild.replaceChildren(shaped(element, guide));
  if (root.childElementCount) return;
  s.early = [];
  var mount = document.createElement('div');
  mount.className = MANIFEST.mountClass;
  mount.appendChild(shaped(element, guide));
  root.appendChild(mount);
  EARLY_EVENTS.forEach(function (type) {
    root.addEventListener(type, function earlyTask(event) {
      if (!s.early) return root.removeEventListener(type, earlyTask, true);
      var target = event.composedPath()[0];
      s.early.push({ type: type, target: target, at: place(root, target), value: target.value });
    }, true);
  });
}

/** Shows the prerendered guide of the element's language (see prerender), once its file has come for a language with one. */
export function showGuide(element) {
  var lang = language(element);
  if (lang === MANIFEST.defaultLanguage) return prerender(element, BUILT_IN.guide);
  bundle(lang).then(function (b) { if (b && language(element) === lang) prerender(element, b.guide); });
}
