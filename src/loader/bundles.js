import { LANGUAGES, base } from './facts.js';

/** The language files asked for, by language: promises of their JSON, or of null. */
var bundles = {};

/** The file of a language with one (not the default), fetched once per page; null otherwise or when it fails. */
export function bundle(lang) {
  var file = LANGUAGES[lang] && LANGUAGES[lang].file;
  if (!file) return Promise.resolve(null);
  if (!bundles[lang]) {
    var url = new URL(file, base);
    bundles[lang] = fetch(url).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
      return response.json();
    }).catch(function (error) {
      console.error('treatment-guide: the ' + lang + ' text could not be loaded; showing English.', error);
      delete bundles[lang];
      return null;
    });
  }
  return bundles[lang];
}
