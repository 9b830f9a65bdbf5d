/*! treatment-guide embed loader. Add to any page:
 *    <script src=".../treatment-guide.js" defer></script>
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

  // Filled in at build time with the content-hashed file names.
  var GLUE = '__TG_GLUE__';
  var WASM = '__TG_WASM__';
  var ATTRIBUTES = ['open', 'heading-level', 'lang', 'content-src'];
  var LOAD_FAILED = 'Sorry, the treatment guide could not be loaded. Please reload the page to try again.';

  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || document.baseURI);
  var ready = null;

  /** Downloads and instantiates the WebAssembly once; later calls share it. */
  function load() {
    if (!ready) {
      ready = import(new URL(GLUE, base).href).then(function (glue) {
        return glue.default({ module_or_path: new URL(WASM, base) }).then(function () {
          return glue;
        });
      });
    }
    return ready;
  }

  class TreatmentGuideElement extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    connectedCallback() {
      if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
      this._render();
    }

    disconnectedCallback() {
      this._unmount();
    }

    attributeChangedCallback(name, before, after) {
      if (before !== after && this.isConnected && this._widget) this._render();
    }

    _render() {
      var element = this;
      var attempt = {};
      element._attempt = attempt;
      load().then(function (glue) {
        if (element._attempt !== attempt || !element.isConnected) return;
        element._unmount();
        element._attempt = attempt;
        var position = Array.prototype.indexOf.call(document.querySelectorAll(TAG), element);
        element._widget = glue.mount(
          element.shadowRoot,
          element.getAttribute('open'),
          element.getAttribute('heading-level'),
          Math.max(position, 0),
          element.getAttribute('content-src')
        );
      }).catch(function (error) {
        console.error('treatment-guide: ' + LOAD_FAILED, error);
        if (element._attempt !== attempt) return;
        var message = document.createElement('p');
        message.setAttribute('role', 'alert');
        message.textContent = LOAD_FAILED;
        element.shadowRoot.replaceChildren(message);
      });
    }

    _unmount() {
      this._attempt = null;
      if (this._widget) {
        this._widget.unmount();
        this._widget.free();
        this._widget = null;
      }
      if (this.shadowRoot) this.shadowRoot.replaceChildren();
    }
  }

  customElements.define(TAG, TreatmentGuideElement);
})();
