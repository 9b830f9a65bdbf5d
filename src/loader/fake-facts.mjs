// For the loader's unit tests (`node --test`): the build's facts as the
// bundler would give them (see facts.js), and just enough of a page for
// facts.js to find its script. Import this before any loader module.
globalThis.__TG_MANIFEST__ = {
  element: 'treatment-guide',
  attributes: ['open', 'heading-level', 'content-src'],
  contentSrc: 'content-src',
  debug: 'debug',
  properties: [],
  mountClass: 'tg-mount',
  guide: { open: 'open', headingLevel: 'heading-level', all: 'all', defaultLevel: 2, idPrefix: 'tg', section: 'data-tg-section', heading: 'tg-heading', toolbar: 'tg-toolbar' },
  defaultLanguage: 'en',
  subtags: '-_',
  methods: [['openSection', false], ['openAll']],
  contentMethod: 'setContent',
  versionField: 'version',
  readyField: 'ready',
  fetch: { timeoutMs: 10000, maxBytes: 2097152 },
  events: { ready: 'tg-ready', error: 'tg-error' },
  errorKinds: { noWasm: 'no-wasm', loadFailed: 'load-failed', crash: 'crash' },
  errorText: { 'no-wasm': 'no_search', 'load-failed': 'load_failed', crash: 'crash' },
  languages: {
    en: { file: null, text: { no_search: 'No search', load_failed: 'Not loaded', crash: 'Sorry' } },
    fr: { file: 'treatment-guide-fr-0123456789abcdef.json', text: { no_search: 'Pas de recherche', load_failed: 'Pas chargé', crash: 'Désolé' } },
  },
};
globalThis.__TG_GLUE__ = 'treatment-guide-0123456789abcdef.js';
globalThis.__TG_WASM__ = 'treatment-guide-0123456789abcdef_bg.wasm';
globalThis.__TG_READER__ = 'content-reader-0123456789abcdef.js';
globalThis.__TG_READER_WASM__ = 'content-reader-0123456789abcdef.wasm';
globalThis.__TG_LISTEN__ = 'listen-0123456789abcdef.js';
globalThis.__TG_WARM__ = 'warm-0123456789abcdef.js';
globalThis.__TG_CONTRAST__ = 'contrast-0123456789abcdef.js';
globalThis.__TG_VERSION__ = '0.0.0';
globalThis.__TG_BUILT_IN__ = { guide: { html: '', open: {}, toolbar: { some: '', all: '' } }, fallback: '' };
globalThis.__TG_CSS__ = '';

/** The elements of the fake page, in document order (for the id prefix). */
export const page = [];
globalThis.document = {
  currentScript: { src: 'https://cdn.example/dist/treatment-guide.js' },
  baseURI: 'https://host.example/article',
  querySelectorAll: () => page,
};

/** An element with `attributes` (name → value; null for none) and, as `closest('[lang]')` finds it, `lang`. */
export function fakeElement(attributes = {}, lang = null) {
  return {
    getAttribute: (name) => (attributes[name] == null ? null : attributes[name]),
    closest: () => (lang == null ? null : { getAttribute: () => lang }),
    _state: null,
  };
}
