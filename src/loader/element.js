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
  api(TreatmentGuideElement);
  return TreatmentGuideElement;
}

/**
 * Gives the element's class its fields and methods, by the manifest's
 * table (src/api.rs): the version (static) and the `ready` promise; each
 * method the widget runs waits for the content to be shown, then runs on
 * it by its name with its argument as text, or resolves to its
 * `otherwise` while only the plain guide is shown; the loader runs new
 * content itself.
 */
function api(Element) {
  Object.defineProperty(Element, MANIFEST.versionField, { configurable: true, get: function () { return VERSION; } });
  Object.defineProperty(Element.prototype, MANIFEST.readyField, { configurable: true, get: function () { return this._state.ready; } });
  method(Element, MANIFEST.contentMethod, setContent);
  MANIFEST.methods.forEach(function (entry) {
    method(Element, entry[0], function (argument) {
      return call(this, function (widget) { return widget.call(entry[0], String(argument)); }, entry[1]);
    });
  });
}

/** Gives the element's class the method `name`, as a class gives its own. */
function method(Element, name, value) {
  Object.defineProperty(Element.prototype, name, { configurable: true, writable: true, value: value });
}

/**
 * Shows `text` (content JSON) as a content file would be shown, with no
 * request; null goes back to `content-src` or the built-in guide.
 * Resolves when it is shown.
 */
function setContent(text) {
  var s = this._state;
  s.content = text == null ? null : String(text);
  s.shown = undefined;
  // A render under way reads the content when it mounts.
  if (this.isConnected && (s.widget || s.crashed)) render(this);
  return call(this, function () {}, undefined);
}
