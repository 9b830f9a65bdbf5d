/**
 * The build's facts, given by the bundler (tools/post-build.mjs, esbuild's
 * `define`): each is named once here, so each appears once in the bundle.
 */

/**
 * The widget's facts, written by the build from its Rust tables and content
 * folders (src/api.rs, src/attributes.rs, content/): the element name, its
 * attributes and reflecting properties, the mount class, the event names,
 * and every language with its file and the reader text needed before, or
 * without, the code ({ en: { file: null, text: { loading, no_search, load_failed } }, fr: … }).
 */
export const MANIFEST = __TG_MANIFEST__;
export const TAG = MANIFEST.element;
export const LANGUAGES = MANIFEST.languages;
/** The guide's attributes and rules, for the guide shown before or without the code (see shape.js). */
export const SHAPE = MANIFEST.guide;
export const EVENTS = MANIFEST.events;

/** The content-hashed file names: the widget's wasm-bindgen glue and its WebAssembly. */
export const GLUE = __TG_GLUE__;
export const WASM = __TG_WASM__;
/** The content reader (crates/reader), an ES module and its wasm: loaded only for a widget with a content file. */
export const READER = __TG_READER__;
export const READER_WASM = __TG_READER_WASM__;
/** The read-aloud module (src/listen.js): imported when the page is idle after a Listen control first appears. */
export const LISTEN = __TG_LISTEN__;
/** The warm-up worker (src/warm.js): started in Chromium while the code downloads (see warm.js). */
export const WARM = __TG_WARM__;
/** The contrast lint for web staff (contrast.js, a module of its own): imported only where it is wanted (see lint.js). */
export const CONTRAST = __TG_CONTRAST__;
/** The widget's version (Cargo.toml). */
export const VERSION = __TG_VERSION__;
/**
 * The default language's guide, prerendered (src/prerender.rs), as a
 * language file has it. `guide`: the interactive guide, shown at once, in
 * parts: `html`, the guide with no section open; `open`, each section
 * open, by id; `toolbar`, the toolbar while `some` or `all` sections are
 * open (the code then renders the same tree in its place). `fallback`: the
 * guide as a plain document (every section open), for when the code cannot
 * run. Together, so that their shared text compresses as one.
 */
export const BUILT_IN = __TG_BUILT_IN__;
/** The widget's stylesheet, minified. */
export const CSS = __TG_CSS__;

// A module script has no currentScript: find the tag by its file name instead.
var script = document.currentScript || document.querySelector('script[src*="treatment-guide.js"]');
/** The folder of this script: every file is loaded relative to it. */
export const base = new URL('.', (script && script.src) || document.baseURI);
