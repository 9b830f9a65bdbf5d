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

  // Filled in at build time: the content-hashed file names, and the guide
  // prerendered by the widget's own components (tools/post-build.mjs).
  var GLUE = '__TG_GLUE__';
  var WASM = '__TG_WASM__';
  /** The widget's version (Cargo.toml). */
  var VERSION = '__TG_VERSION__';
  /** The interactive guide, shown at once and hydrated by the code. */
  var GUIDE = "__TG_GUIDE__";
  /** The guide as a plain document (every section open), for when the code cannot run. */
  var FALLBACK = "__TG_FALLBACK__";
  var CSS = "__TG_CSS__";
  /** Files of the other languages ({ fr: '…-fr-<hash>.json' }): content, guide and fallback of each. */
  var LANGS = "__TG_LANGS__";
  var MOUNT_CLASS = 'tg-mount';
  /** Events that reach the guide before its code runs; replayed once it does. */
  var EARLY_EVENTS = ['click', 'input'];
  // The attributes the widget reads (src/attributes.rs; a test keeps them equal).
  var ATTRIBUTES = ['open', 'heading-level', 'lang', 'content-src'];
  var LOAD_FAILED = 'the drug search could not be loaded; the plain guide is shown. Reloading the page may help.';
  /** Shown above the plain guide when WebAssembly cannot run, by language. */
  var NO_SEARCH = {
    en: 'The drug search is not available in this browser or on this site. All the text of the guide is below.',
    fr: 'La recherche de médicaments n’est pas offerte dans ce navigateur ou sur ce site. Tout le texte du guide se trouve ci-dessous.',
  };
  var CSP_HINT = "treatment-guide: this page's Content-Security-Policy does not allow WebAssembly, so the drug search is off. "
    + "Add 'wasm-unsafe-eval' to its script-src directive to turn it on.";

  // A module script has no currentScript: find the tag by its file name instead.
  var script = document.currentScript || document.querySelector('script[src*="treatment-guide.js"]');
  var base = new URL('.', (script && script.src) || document.baseURI);
  var compiled = null;
  var sheet = null;
  var bundles = {};
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

  /** The widget's styles, one constructable sheet shared by every element (no <style>: CSP-safe). */
  function styles(root) {
    if (!root.adoptedStyleSheets) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    if (root.adoptedStyleSheets.indexOf(sheet) < 0) root.adoptedStyleSheets = [sheet].concat(root.adoptedStyleSheets);
  }

  /**
   * The element's language: its own `lang`, else its nearest ancestor's
   * (`<html lang="fr-CA">`), as a primary subtag; `en` when none is set or
   * the guide does not have it. The widget follows the same rule.
   */
  function language(element) {
    var holder = element.closest('[lang]');
    var lang = ((holder && holder.getAttribute('lang')) || 'en').trim().toLowerCase().split(/[-_]/)[0];
    return LANGS[lang] ? lang : 'en';
  }

  /** The file of a language other than English, fetched once per page; null for English or when it fails. */
  function bundle(lang) {
    if (!LANGS[lang]) return Promise.resolve(null);
    if (!bundles[lang]) {
      var url = new URL(LANGS[lang], base);
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

  /**
   * Shows the prerendered guide at once, before the code has loaded, and
   * records the reader's clicks and typing on it so that none is lost: the
   * code replays them once it has taken the guide over.
   */
  function prerender(element, guide) {
    var root = element.shadowRoot;
    // Not over a widget already there, nor when a content file replaces the text.
    if (element._widget || root.childElementCount || element.getAttribute('content-src')) return;
    element._early = [];
    var mount = document.createElement('div');
    mount.className = MOUNT_CLASS;
    mount.innerHTML = guide;
    root.appendChild(mount);
    EARLY_EVENTS.forEach(function (type) {
      root.addEventListener(type, function early(event) {
        if (!element._early) return root.removeEventListener(type, early, true);
        var target = event.composedPath()[0];
        var holder = target.closest && target.closest('[id]');
        element._early.push({ type: type, target: target, id: holder && holder.id, value: target.value });
      }, true);
    });
  }

  /**
   * Replays the events recorded before the code ran, on the same element or
   * its new twin (same id), then marks the guide live (`data-tg-live`).
   */
  function replay(element) {
    var early = element._early || [];
    element._early = null;
    var mount = element.shadowRoot.lastElementChild;
    if (mount) mount.setAttribute('data-tg-live', '');
    early.forEach(function (e) {
      var target = e.target.isConnected ? e.target : e.id && element.shadowRoot.getElementById(e.id);
      if (!target) return;
      if (e.type === 'click') return target.click();
      // Taking the guide over resets a field to its rendered value: put the reader's text back.
      if (typeof e.value === 'string') target.value = e.value;
      target.dispatchEvent(new Event(e.type, { bubbles: true, composed: true }));
    });
  }

  /**
   * When the code cannot run (no WebAssembly, a policy that forbids it, a
   * failed download): the plain guide, every section readable, with a short note.
   */
  function fallback(element, error) {
    var csp = error && /Content.Security.Policy|wasm-unsafe-eval/i.test(String(error.message || error));
    if (csp) console.warn(CSP_HINT);
    else console.error('treatment-guide: ' + LOAD_FAILED, error || 'this browser has no WebAssembly');
    element._early = null;
    release(element);
    var lang = language(element);
    bundle(lang).then(function (b) {
      var note = document.createElement('p');
      note.className = 'tg-static-note';
      note.setAttribute('role', 'note');
      note.textContent = NO_SEARCH[lang] || NO_SEARCH.en;
      var mount = document.createElement('div');
      mount.className = MOUNT_CLASS;
      mount.innerHTML = b ? b.fallback : FALLBACK;
      element.shadowRoot.replaceChildren(note, mount);
    });
  }

  /**
   * Calls `start` once the prerendered guide has been painted: after the next
   * frame, in a task of its own. A download started earlier competes with the
   * host page's first paint, and counts against its Largest Contentful Paint.
   * A second call for the same element before then is dropped.
   */
  function whenPainted(element, start) {
    if (element._painting) return;
    element._painting = true;
    var go = function () {
      element._painting = false;
      start();
    };
    // A hidden page paints nothing (and runs no frames): start at once.
    if (document.hidden) return setTimeout(go, 0);
    requestAnimationFrame(function () { setTimeout(go, 0); });
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

    /**
     * Checks the text of a content file with the widget's own code and
     * messages (the checker page, check.html, uses it; nothing leaves the
     * page): a Promise of a list of {level: 'error' | 'warning' | 'info',
     * path, line, message}.
     */
    static check(text) {
      if (typeof WebAssembly !== 'object') return Promise.reject(new Error(TAG + ': this browser cannot run WebAssembly'));
      return instance().then(function (glue) {
        var result = glue.check_content(String(text));
        // An instance that threw is not reused.
        if (!glue.crashed()) idle.push(glue);
        return result;
      });
    }

    connectedCallback() {
      if (!this.shadowRoot) {
        var element = this;
        element.attachShadow({ mode: 'open' });
        styles(element.shadowRoot);
        var lang = language(element);
        if (lang === 'en') prerender(element, GUIDE);
        else bundle(lang).then(function (b) { if (b && language(element) === lang) prerender(element, b.guide); });
      }
      if (typeof WebAssembly !== 'object') return fallback(this, null);
      var fresh = !this._widget;
      if (fresh) reserve(this);
      var element = this;
      // The download and compilation start once the reader can see the guide.
      whenPainted(this, function () {
        if (element.isConnected && !element._widget) element._render();
      });
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
      var ready = Promise.all([element._glue ? Promise.resolve(element._glue) : instance(), bundle(language(element))])
        .then(function (loaded) {
          element._bundle = loaded[1];
          return loaded[0];
        });
      // Render in a task of its own, not in the one that instantiated the
      // code and prepared the stylesheet and content, so neither keeps the
      // page's main thread busy for long.
      ready.then(function (glue) {
        glue.prepare(element);
        return new Promise(function (done) { setTimeout(done, 0, glue); });
      }).then(function (glue) {
        if (element._attempt !== attempt || !element.isConnected) {
          if (!element._glue) idle.push(glue);
          return;
        }
        element._unmount();
        element._attempt = attempt;
        element._glue = glue;
        // The widget reads the element's attributes itself.
        element._widget = glue.mount(element, element._bundle ? element._bundle.content : undefined);
        releaseWhenFilled(element);
        setTimeout(replay, 0, element);
      }).catch(function (error) {
        if (element._attempt !== attempt) return;
        var crashed = element._glue && element._glue.crashed();
        if (crashed && !element._retried) {
          // The prerendered guide could not be taken over: start again with a clean render.
          element._retried = true;
          element._glue = null;
          element.shadowRoot.replaceChildren();
          return element._render();
        }
        // A crash has been shown by the code itself; anything else means the code cannot run here.
        if (!crashed) fallback(element, error);
      });
    }

    _unmount() {
      this._attempt = null;
      var glue = this._glue;
      // The prerendered guide stays until a widget has been mounted (it may be hydrated).
      var mounted = !!this._widget;
      if (this._widget) {
        try {
          this._widget.unmount();
          this._widget.free();
        } catch (error) {
          // The instance failed earlier and has already said so.
        }
        this._widget = null;
      }
      if (this.shadowRoot && (mounted || !this.isConnected)) this.shadowRoot.replaceChildren();
      if (glue && !this.isConnected) {
        this._glue = null;
        if (!glue.crashed()) idle.push(glue);
      }
    }
  }

  customElements.define(TAG, TreatmentGuideElement);
})();
