/**
 * The WebAssembly: each module downloaded and compiled once per page, an
 * instance of the widget's code for each element (reused once its element
 * is gone), and the content reader.
 */
import { GLUE, READER, READER_WASM, WASM, base } from './facts.js';
import { fetchText } from './fetch.js';
import { nextTask } from './timing.js';
import { warmed } from './warm.js';

/**
 * How the WebAssembly is requested from the page's own origin: as the
 * standalone page's preload hint (no crossorigin) is, so that Chromium,
 * Firefox and WebKit all reuse the preload instead of downloading twice.
 * A file on another origin gets a plain CORS request.
 */
var SAME_ORIGIN_FETCH = { mode: 'no-cors', credentials: 'include' };

/** The compiled WebAssembly modules, by file name (promises). */
var compiled = {};
/** The promise of the content reader module, instantiated (see reader); null until a widget asks for it, and again after it failed. */
var reading = null;
/** Instances of the widget code whose elements are gone, ready for new ones. */
var idle = [];
/** How many instances have been made. */
var made = 0;

/** Downloads and compiles the WebAssembly `file` once per page. */
function compile(file) {
  if (!compiled[file]) {
    var url = new URL(file, base);
    var init = url.origin === location.origin ? SAME_ORIGIN_FETCH : undefined;
    var bytes = function () {
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
        return response.arrayBuffer();
      }).then(function (buffer) { return WebAssembly.compile(buffer); });
    };
    compiled[file] = (WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(url, init)) : Promise.reject())
      .catch(bytes);
    compiled[file].catch(function () { delete compiled[file]; });
  }
  return compiled[file];
}

/**
 * The content reader module, imported and instantiated once per page, and
 * only when a widget has content to read: a page that shows the built-in
 * guide never downloads it. One instance serves every widget.
 */
export function reader() {
  if (!reading) {
    reading = Promise.all([import(new URL(READER, base).href), compile(READER_WASM)]).then(function (loaded) {
      return loaded[0].default({ module_or_path: loaded[1] }).then(function () { return loaded[0]; });
    });
    reading.catch(function () { reading = null; });
  }
  return reading;
}

/**
 * The widget's `read(source)`: content (setContent's text, or `{ url }`, a
 * content-src file fetched by the one fetcher) read and validated by the
 * content reader, as a promise of `{ content }` (sealed) or `{ problems,
 * sections }`, or `{ failed }` (why the file could not be fetched, see
 * fetch.js). It rejects when the reader cannot be loaded; the widget then
 * says so.
 */
export function read(source) {
  var text = typeof source === 'string'
    ? Promise.resolve(source)
    : fetchText(source.url);
  return text.then(function (text) {
    return reader().then(function (module) { return module.read_content(text); });
  }, function (failed) { return { failed: failed }; });
}

/**
 * An instance of the widget code for one element. Each element gets its
 * own instance of the once-compiled module, so a fault in one widget cannot
 * reach another; instances of removed elements are reused.
 */
export function instance() {
  if (idle.length) return Promise.resolve(idle.pop());
  made += 1;
  var url = new URL(GLUE, base);
  if (made > 1) url.search = 'instance=' + made;
  // The download starts in this task; the glue is imported in a task of its
  // own, as the first import of a page costs a few milliseconds of its own.
  // The first instance waits for the code to be compiled off the main thread,
  // where that pays (warm.js).
  var code = compile(WASM);
  var importing = nextTask().then(function importTask() { return import(url.href); });
  return Promise.all([importing, made === 1 ? warmed(code, importing) : code]).then(function (loaded) {
    var glue = loaded[0];
    return glue.default({ module_or_path: loaded[1] }).then(function () { return glue; });
  });
}

/** Gives back an instance its element no longer needs (see instance). */
export function putBack(glue) {
  idle.push(glue);
}
