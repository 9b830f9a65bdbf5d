import { CSS, LANGUAGES, MANIFEST } from './facts.js';

/**
 * The primary subtag of the language tag `tag`, in lower case (`fr` for
 * `fr-CA`): the content crate's rule (tg_content::languages::primary), cut
 * at the characters the build gives (`subtags`).
 */
export function primary(tag) {
  var code = (tag || '').trim().toLowerCase();
  MANIFEST.subtags.split('').forEach(function (mark) { code = code.split(mark)[0]; });
  return code;
}

/** The language the page asks of the element: its own `lang`, else its nearest ancestor's, as a primary subtag; '' when none. */
export function asked(element) {
  var holder = element.closest('[lang]');
  return primary(holder && holder.getAttribute('lang'));
}

/**
 * The element's language, the one rule (the widget code takes the language
 * chosen here): the language asked (`<html lang="fr-CA">` means `fr`) when
 * the guide has it, else the default language.
 */
export function language(element) {
  var lang = asked(element);
  return Object.prototype.hasOwnProperty.call(LANGUAGES, lang) ? lang : MANIFEST.defaultLanguage;
}

/** A reader text of the manifest (content's `[strings]`), in `lang`. */
export function text(lang, key) {
  return (LANGUAGES[lang] || LANGUAGES[MANIFEST.defaultLanguage]).text[key];
}

/** The widget's styles, one constructable sheet shared by every element (no <style>: CSP-safe). */
var sheet = null;

/** Adopts the widget's styles into the shadow root `root`, first of its sheets. */
export function styles(root) {
  if (!root.adoptedStyleSheets) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (root.adoptedStyleSheets.indexOf(sheet) < 0) root.adoptedStyleSheets = [sheet].concat(root.adoptedStyleSheets);
}
