/** The plain guide, for when the code cannot run or has failed, and what it tells the reader and the web staff. */
import { BUILT_IN, EVENTS, MANIFEST } from './facts.js';
import { bundle } from './bundles.js';
import { language, text } from './language.js';
import { dispatch, settle } from './ready.js';
import { release } from './reserve.js';
import { followed, parsed } from './shape.js';
import { state } from './state.js';

var CSP_HINT = "treatment-guide: this page's Content-Security-Policy does not allow WebAssembly, so the drug search is off. "
  + "Add 'wasm-unsafe-eval' to its script-src directive to turn it on.";

/**
 * What a failure is (`error`: what stopped the code, null when there is no
 * WebAssembly; `crashed`: the code trapped): the `tg-error` kind, the reader
 * text's key, and the message for the web staff. A policy is recognised by
 * its error: Chromium and WebKit name the Content-Security-Policy or
 * 'wasm-unsafe-eval', Firefox says "blocked by CSP".
 */
export function diagnosis(error, crashed) {
  var kinds = MANIFEST.errorKinds;
  var detail = String(error && (error.message || error));
  var csp = !crashed && !!error && /Content.Security.Policy|wasm-unsafe-eval|\bCSP\b/i.test(detail);
  var message = crashed ? 'internal error (' + detail + '); the plain guide is shown'
    : csp ? CSP_HINT : error ? 'the drug search could not be loaded: ' + detail : 'this browser has no WebAssembly';
  var kind = crashed ? kinds.crash : error && !csp ? kinds.loadFailed : kinds.noWasm;
  var key = crashed ? 'crash' : kind === kinds.noWasm ? 'no_search' : 'load_failed';
  return { csp: csp, kind: kind, key: key, message: message };
}

/**
 * When the code cannot run (no WebAssembly, a policy that forbids it, a
 * failed download), or has failed (`crashed`: it trapped): the plain
 * guide, every section readable, with a short note in the reader's
 * language, and a `tg-error` for the web staff.
 */
export function fallback(element, error, crashed) {
  var found = diagnosis(error, crashed);
  if (found.csp) console.warn(CSP_HINT);
  else if (crashed) console.error('treatment-guide: ' + found.message + '.', error);
  else console.error('treatment-guide: the drug search could not be loaded; the plain guide is shown.', error || 'this browser has no WebAssembly');
  state(element).early = null;
  release(element);
  var lang = language(element);
  bundle(lang).then(function (b) {
    var shown = b || lang === MANIFEST.defaultLanguage ? lang : MANIFEST.defaultLanguage;
    var note = document.createElement('p');
    note.className = crashed ? 'tg-static-note tg-crash' : 'tg-static-note';
    // A failure while the reader uses the guide is announced; the others are read in turn.
    note.setAttribute('role', crashed ? 'alert' : 'note');
    note.textContent = text(shown, found.key);
    var mount = document.createElement('div');
    mount.className = MANIFEST.mountClass;
    mount.appendChild(followed(element, parsed((b || BUILT_IN).fallback)));
    element.shadowRoot.replaceChildren(note, mount);
    dispatch(element, EVENTS.error, { kind: found.kind, message: 'treatment-guide: ' + found.message });
    settle(element, null);
  });
}

/**
 * The code of `element` has trapped (a bug: the release build stops at
 * once on a panic). Its instance is not called again; the reader gets the
 * plain guide with the notice, and other widgets go on with their own.
 */
export function crash(element, error) {
  var s = state(element);
  s.attempt = null;
  s.widget = null;
  s.crashed = true;
  fallback(element, error, true);
}
