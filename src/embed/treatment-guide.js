/*! treatment-guide embed loader. Add to any page:
 *    <script src=".../treatment-guide.js" defer></script>   (async and type="module" work too)
 *    <treatment-guide></treatment-guide>
 * Defines the <treatment-guide> element. Each element renders into its own
 * open shadow root; the WebAssembly is fetched and compiled once per page.
 * Every file is loaded relative to this script's own URL.
 * Adds no global variables besides the custom element name.
 */
(function () {
  'use strict';
  var TAG = 'treatment-guide';
  if (!window.customElements || customElements.get(TAG)) return;

  // Filled in at build time with the content-hashed file names and the
  // widget's version (from Cargo.toml).
  var GLUE = '__TG_GLUE__';
  var WASM = '__TG_WASM__';
  var VERSION = '__TG_VERSION__';
  var ATTRIBUTES = ['open', 'heading-level', 'lang', 'content-src'];
  var LOAD_FAILED = 'Sorry, the treatment guide could not be loaded. Please reload the page to try again.';

  // A module script has no currentScript: find the tag by its file name instead.
  var script = document.currentScript || document.querySelector('script[src*="treatment-guide.js"]');
  var base = new URL('.', (script && script.src) || document.baseURI);
  var compiled = null;
  var idle = [];
  var made = 0;
  /** Elements holding space until the reader's first input (see reserve). */
  var reserved = [];

  /**
   * Until the widget's own content fills it, an element keeps at least the
   * height from its top to the bottom of the window. The widget appears, and
   * grows, with every host element after it below the fold, so nothing the
   * reader sees moves (no layout shift). The space is given back when the
   * content fills it, when the reader scrolls (browsers keep what is in view
   * in place), or just after the reader's first click, tap or key (a shift
   * right after input is one the reader caused, and is not counted).
   */
  function reserve(element) {
    var root = element.shadowRoot;
    if (element._reserve || !root.adoptedStyleSheets || !element.getClientRects().length) return;
    var top = element.getBoundingClientRect().top;
    // Below the fold, or scrolled past: nothing in view can move.
    if (top < 0 || top >= window.innerHeight) return;
    var height = Math.ceil(window.innerHeight - top);
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(':host(:not([hidden])){display:block;min-height:' + height + 'px}');
    root.adoptedStyleSheets = root.adoptedStyleSheets.concat(sheet);
    element._reserve = sheet;
    element._reserveHeight = height;
    if (!reserved.length) {
      addEventListener('pointerup', releaseSoon, true);
      addEventListener('keydown', releaseSoon, true);
      addEventListener('scroll', releaseAll, { capture: true, passive: true });
    }
    reserved.push(element);
  }

  /** Gives back the space once the mounted content is as tall as it. */
  function releaseWhenFilled(element) {
    var mount = element._reserve && window.ResizeObserver && element.shadowRoot.lastElementChild;
    if (!mount) return;
    var observer = new ResizeObserver(function () {
      if (!element._reserve || mount.getBoundingClientRect().height >= element._reserveHeight) {
        observer.disconnect();
        release(element);
      }
    });
    observer.observe(mount);
  }

  function release(element) {
    var sheet = element._reserve;
    if (!sheet) return;
    element._reserve = null;
    var root = element.shadowRoot;
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter(function (s) { return s !== sheet; });
    var at = reserved.indexOf(element);
    if (at >= 0) reserved.splice(at, 1);
  }

  function releaseAll() {
    removeEventListener('pointerup', releaseSoon, true);
    removeEventListener('keydown', releaseSoon, true);
    removeEventListener('scroll', releaseAll, { capture: true, passive: true });
    reserved.slice().forEach(release);
  }

  /** After the click or key has done its work, so its target does not move under it. */
  function releaseSoon() {
    setTimeout(releaseAll, 0);
  }

  /** Downloads and compiles the WebAssembly once per page. */
  function compile() {
    if (!compiled) {
      var url = new URL(WASM, base);
      var bytes = function () {
        return fetch(url).then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
          return response.arrayBuffer();
        }).then(function (buffer) { return WebAssembly.compile(buffer); });
      };
      compiled = (WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(url)) : Promise.reject())
        .catch(bytes);
      compiled.catch(function () { compiled = null; });
    }
    return compiled;
  }

  /**
   * An instance of the widget code for one element. Each element gets its
   * own instance of the once-compiled module, so a fault in one widget cannot
   * reach another; instances of removed elements are reused.
   */
  function instance() {
    if (idle.length) return Promise.resolve(idle.pop());
    made += 1;
    var url = new URL(GLUE, base);
    if (made > 1) url.search = 'instance=' + made;
    return Promise.all([import(url.href), compile()]).then(function (loaded) {
      var glue = loaded[0];
      return glue.default({ module_or_path: loaded[1] }).then(function () { return glue; });
    });
  }

  class TreatmentGuideElement extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    /** The widget's version: customElements.get('treatment-guide').version. */
    static get version() {
      return VERSION;
    }

    connectedCallback() {
      if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
      var fresh = !this._widget;
      this._render(); // First: starts the download and compilation.
      if (fresh) reserve(this);
    }

    disconnectedCallback() {
      release(this);
      this._unmount();
    }

    attributeChangedCallback(name, before, after) {
      if (before !== after && this.isConnected && this._widget) this._render();
    }

    _render() {
      var element = this;
      var attempt = {};
      element._attempt = attempt;
      if (element._glue && element._glue.crashed()) element._glue = null;
      var ready = element._glue ? Promise.resolve(element._glue) : instance();
      // Render in a task of its own, not in the one that instantiated the
      // code and prepared the stylesheet and content, so neither keeps the
      // page's main thread busy for long.
      ready.then(function (glue) {
        glue.prepare(element.getAttribute('content-src'));
        return new Promise(function (done) { setTimeout(done, 0, glue); });
      }).then(function (glue) {
        if (element._attempt !== attempt || !element.isConnected) {
          if (!element._glue) idle.push(glue);
          return;
        }
        element._unmount();
        element._attempt = attempt;
        element._glue = glue;
        var position = Array.prototype.indexOf.call(document.querySelectorAll(TAG), element);
        element._widget = glue.mount(
          element.shadowRoot,
          element.getAttribute('open'),
          element.getAttribute('heading-level'),
          Math.max(position, 0),
          element.getAttribute('content-src'),
          element.getAttribute('lang')
        );
        releaseWhenFilled(element);
      }).catch(function (error) {
        console.error('treatment-guide: ' + LOAD_FAILED, error);
        if (element._attempt !== attempt) return;
        var message = document.createElement('p');
        message.setAttribute('role', 'alert');
        message.textContent = LOAD_FAILED;
        release(element);
        element.shadowRoot.replaceChildren(message);
      });
    }

    _unmount() {
      this._attempt = null;
      var glue = this._glue;
      if (this._widget) {
        try {
          this._widget.unmount();
          this._widget.free();
        } catch (error) {
          // The instance failed earlier and has already said so.
        }
        this._widget = null;
      }
      if (this.shadowRoot) this.shadowRoot.replaceChildren();
      if (glue && !this.isConnected) {
        this._glue = null;
        if (!glue.crashed()) idle.push(glue);
      }
    }
  }

  customElements.define(TAG, TreatmentGuideElement);
})();
