/** The <treatment-guide> element: its lifecycle, its API, and the properties that reflect its attributes. */
import { MANIFEST, VERSION } from './facts.js';
import { fallback } from './fallback.js';
import { lintLater } from './lint.js';
import { styles } from './language.js';
import { showGuide } from './prerender.js';
import { call } from './ready.js';
import { reflect } from './reflect.js';
import { render, unmount } from './render.js';
import { release, reserve } from './reserve.js';
import { newState } from './state.js';
import { whenNear, whenPainted } from './timing.js';

/** The element's class (made when the element is defined, so a page without custom elements never evaluates it). */
export function elementClass() {
  class TreatmentGuideElement extends HTMLElement {
    constructor() {
      super();
      /** Everything the loader knows of this element (see state.js). */
      this._state = newState();
    }

    static get observedAttributes() {
      return MANIFEST.attributes;
    }

    /** The widget's version: customElements.get('treatment-guide').version. */
    static get version() {
      return VERSION;
    }

    /** Resolves when the widget is shown: interactive, or the plain guide when the code cannot run. */
    get ready() {
      return this._state.ready;
    }

    /** Opens the section `id`; resolves to false when there is none. */
    openSection(id) {
      return call(this, function (widget) { return widget.set_section(String(id), true); }, false);
    }

    /** Closes the section `id`; resolves to false when there is none. */
    closeSection(id) {
      return call(this, function (widget) { return widget.set_section(String(id), false); }, false);
    }

    /** Opens every section. */
    openAll() {
      return call(this, function (widget) { widget.set_all(true); }, undefined);
    }

    /** Closes every section. */
    closeAll() {
      return call(this, function (widget) { widget.set_all(false); }, undefined);
    }

    /** Shows the card of the drug the lookup finds first for `name`; resolves to its generic name, or null. */
    showDrug(name) {
      return call(this, function (widget) {
        var drug = widget.show_drug(String(name));
        return drug == null ? null : drug;
      }, null);
    }

    /**
     * Shows `text` (content JSON) as a content file would be shown, with no
     * request; null goes back to `content-src` or the built-in guide.
     * Resolves when it is shown.
     */
    setContent(text) {
      var s = this._state;
      s.content = text == null ? null : String(text);
      s.shown = undefined;
      // A render under way reads the content when it mounts.
      if (this.isConnected && (s.widget || s.crashed)) render(this);
      return call(this, function () {}, undefined);
    }

    connectedCallback() {
      var element = this;
      var s = this._state;
      // Properties set before the element was defined go through their accessors now.
      MANIFEST.properties.forEach(function (property) {
        if (!Object.prototype.hasOwnProperty.call(element, property.name)) return;
        var value = element[property.name];
        delete element[property.name];
        element[property.name] = value;
      });
      if (!this.shadowRoot) {
        element.attachShadow({ mode: 'open' });
        styles(element.shadowRoot);
        lintLater(element);
        showGuide(element);
      }
      if (typeof WebAssembly !== 'object') return fallback(this, null);
      if (!s.widget) reserve(this);
      // The download and compilation start once the reader can see the guide,
      // and for a widget far below the fold, once the reader nears it.
      whenPainted(this, function () {
        if (!element.isConnected || s.widget) return;
        whenNear(element, function () {
          if (element.isConnected && !s.widget) render(element);
        });
      });
    }

    disconnectedCallback() {
      release(this);
      unmount(this);
    }

    attributeChangedCallback(name, before, after) {
      var s = this._state;
      if (before === after || !this.isConnected) return;
      // A widget that failed starts again, on a fresh instance.
      if (s.widget || s.crashed) render(this);
      // Before the code, the guide shown follows the attribute too.
      else if (s.early) showGuide(this);
    }
  }

  reflect(TreatmentGuideElement.prototype, MANIFEST.properties);
  return TreatmentGuideElement;
}
