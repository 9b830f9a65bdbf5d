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
  /**
   * The widget's facts, written by the build from its Rust tables and content
   * folders (src/api.rs, src/attributes.rs, content/): the element name, its
   * attributes and reflecting properties, the mount class, the event names,
   * and every language with its file and the reader text needed before, or
   * without, the code ({ en: { file: null, text: { loading, no_search, load_failed } }, fr: … }).
   */
  var MANIFEST = "__TG_MANIFEST__";
  var TAG = MANIFEST.element;
  if (!window.customElements || customElements.get(TAG)) return;

  // Filled in at build time: the content-hashed file names, and the guide
  // prerendered by the widget's own components (tools/post-build.mjs).
  var GLUE = '__TG_GLUE__';
  var WASM = '__TG_WASM__';
  /** The content reader (crates/reader), an ES module and its wasm: loaded only for a widget with a content file. */
  var READER = '__TG_READER__';
  var READER_WASM = '__TG_READER_WASM__';
  /** The read-aloud module (src/listen.js): imported on the first press of a Listen button. */
  var LISTEN = '__TG_LISTEN__';
  /** The widget's version (Cargo.toml). */
  var VERSION = '__TG_VERSION__';
  /**
   * The default language's guide, prerendered (src/prerender.rs), as a
   * language file has it. `guide`: the interactive guide, shown at once, in
   * parts: `html`, the guide with no section open; `open`, each section
   * open, by id; `toolbar`, the toolbar while `some` or `all` sections are
   * open (the code then renders the same tree in its place). `fallback`: the
   * guide as a plain document (every section open), for when the code cannot
   * run. Together, so that their shared text compresses as one.
   */
  var BUILT_IN = { guide: "__TG_GUIDE__", fallback: "__TG_FALLBACK__" };
  var CSS = "__TG_CSS__";
  var LANGUAGES = MANIFEST.languages;
  /** The guide's attributes and rules, for the guide shown before or without the code (see shaped). */
  var SHAPE = MANIFEST.guide;
  var EVENTS = MANIFEST.events;
  /** Events that reach the guide before its code runs; replayed once it does. */
  var EARLY_EVENTS = ['click', 'input'];
  var CSP_HINT = "treatment-guide: this page's Content-Security-Policy does not allow WebAssembly, so the drug search is off. "
    + "Add 'wasm-unsafe-eval' to its script-src directive to turn it on.";

  // A module script has no currentScript: find the tag by its file name instead.
  var script = document.currentScript || document.querySelector('script[src*="treatment-guide.js"]');
  var base = new URL('.', (script && script.src) || document.baseURI);
  /** The compiled WebAssembly modules, by file name. */
  var compiled = {};
  /** The promise of the content reader module, instantiated (see reader); null until a widget asks for it, and again after it failed. */
  var reading = null;
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

  /** The language the page asks of the element: its own `lang`, else its nearest ancestor's, as a primary subtag; '' when none. */
  function asked(element) {
    var holder = element.closest('[lang]');
    return ((holder && holder.getAttribute('lang')) || '').trim().toLowerCase().split(/[-_]/)[0];
  }

  /**
   * The element's language, the one rule (the widget code takes the language
   * chosen here): the language asked (`<html lang="fr-CA">` means `fr`) when
   * the guide has it, else the default language.
   */
  function language(element) {
    var lang = asked(element);
    return Object.prototype.hasOwnProperty.call(LANGUAGES, lang) ? lang : MANIFEST.defaultLanguage;
  }

  /** A reader text of the manifest (content's `[strings]`), in `lang`. */
  function text(lang, key) {
    return (LANGUAGES[lang] || LANGUAGES[MANIFEST.defaultLanguage]).text[key];
  }

  /** An event on the element: bubbling and composed, so a host page hears it anywhere above. */
  function dispatch(element, type, detail) {
    element.dispatchEvent(new CustomEvent(type, { detail: detail === undefined ? null : detail, bubbles: true, composed: true }));
  }

  /** The file of a language with one (not the default), fetched once per page; null otherwise or when it fails. */
  function bundle(lang) {
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

  /**
   * Shows the prerendered guide at once, before the code has loaded, and
   * records the reader's clicks and typing on it so that none is lost: the
   * code replays them once it has taken the guide over. Called again while
   * it is shown (an attribute changed), shows it as the attributes now ask.
   */
  function prerender(element, guide) {
    var root = element.shadowRoot;
    // Not over a widget already there, nor when a content file replaces the text.
    if (element._widget || hasContent(element)) return;
    // Shown already, and an attribute has changed since: the same guide as it asks now.
    if (element._early && root.lastElementChild) return root.lastElementChild.replaceChildren(shaped(element, guide));
    if (root.childElementCount) return;
    element._early = [];
    var mount = document.createElement('div');
    mount.className = MANIFEST.mountClass;
    mount.appendChild(shaped(element, guide));
    root.appendChild(mount);
    EARLY_EVENTS.forEach(function (type) {
      root.addEventListener(type, function early(event) {
        if (!element._early) return root.removeEventListener(type, early, true);
        var target = event.composedPath()[0];
        element._early.push({ type: type, target: target, at: place(root, target), value: target.value });
      }, true);
    });
  }

  /** The ASCII letters of `text` in lower case (as Rust's to_ascii_lowercase). */
  function asciiLower(text) {
    return text.replace(/[A-Z]+/g, function (letters) { return letters.toLowerCase(); });
  }

  /**
   * The ids among `ids` (the guide's sections) that the element's `open`
   * opens, by the widget's rule (tg_ui::options::OpenSpec::parse): `all`, in
   * any case, opens every one; otherwise ids separated by commas or spaces,
   * in any case; an unknown id opens nothing.
   */
  function opened(element, ids) {
    var value = (element.getAttribute(SHAPE.open) || '').trim();
    if (asciiLower(value) === SHAPE.all) return ids.slice();
    var asked = value.split(/[, ]/).map(function (id) { return asciiLower(id.trim()); });
    return ids.filter(function (id) { return asked.indexOf(id) >= 0; });
  }

  /** The element's heading level, by the widget's rule (tg_ui::options::parse_heading_level): 1 to 6, else the default. */
  function headingLevel(element) {
    var value = (element.getAttribute(SHAPE.headingLevel) || '').trim();
    var level = /^\+?[0-9]+$/.test(value) ? Number(value) : 0;
    return level >= 1 && level <= 6 ? level : SHAPE.defaultLevel;
  }

  /** The element's id prefix, by the widget's rule (tg_ui::options::Options::for_position): `tg` for the page's first, `tg<n>` for the n-th. */
  function idPrefix(element) {
    var n = Array.prototype.indexOf.call(document.querySelectorAll(TAG), element);
    return n > 0 ? SHAPE.idPrefix + (n + 1) : SHAPE.idPrefix;
  }

  /** The nodes of `html`. */
  function parsed(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  /** Puts the nodes of `html` in the place of `node` (when there is one). */
  function swap(node, html) {
    if (node) node.replaceWith(parsed(html));
  }

  /**
   * The guide before the code (GUIDE, or a language file's `guide`) as the
   * element's attributes ask, as the code will render it: each section that
   * `open` opens in its open form, the toolbar of that many open sections,
   * then its headings and ids as `followed` sets them.
   */
  function shaped(element, guide) {
    var nodes = parsed(guide.html);
    var all = Object.keys(guide.open);
    var ids = opened(element, all);
    ids.forEach(function (id) {
      swap(nodes.querySelector('[' + SHAPE.section + '="' + id + '"]'), guide.open[id]);
    });
    if (ids.length) swap(nodes.querySelector('.' + SHAPE.toolbar), ids.length === all.length ? guide.toolbar.all : guide.toolbar.some);
    return followed(element, nodes);
  }

  /**
   * `nodes` (a prerendered guide, interactive or plain) with the section
   * headings at the element's `heading-level`, and its ids under the
   * element's own prefix, as the code renders them. The guide's ids all start
   * with the first guide's prefix (`tg-`), as its class names do: every word
   * of an attribute but `class` that starts so names an id (`id`, `for`,
   * `aria-controls`, `data-tg-tip`…), and so does a link to `#tg-…`.
   */
  function followed(element, nodes) {
    var level = headingLevel(element);
    if (level !== SHAPE.defaultLevel) {
      Array.prototype.forEach.call(nodes.querySelectorAll('.' + SHAPE.heading), function (heading) {
        var to = document.createElement('h' + level);
        Array.prototype.forEach.call(heading.attributes, function (a) { to.setAttribute(a.name, a.value); });
        while (heading.firstChild) to.appendChild(heading.firstChild);
        heading.replaceWith(to);
      });
    }
    var prefix = idPrefix(element);
    if (prefix !== SHAPE.idPrefix) {
      var from = SHAPE.idPrefix + '-';
      var renamed = function (word) {
        var hash = word.charAt(0) === '#' ? '#' : '';
        return word.indexOf(from, hash.length) === hash.length ? hash + prefix + '-' + word.slice(hash.length + from.length) : word;
      };
      Array.prototype.forEach.call(nodes.querySelectorAll('*'), function (node) {
        Array.prototype.forEach.call(node.attributes, function (a) {
          if (a.name === 'class') return;
          var value = a.value.split(' ').map(renamed).join(' ');
          if (value !== a.value) a.value = value;
        });
      });
    }
    return nodes;
  }

  /** Shows the prerendered guide of the element's language (see prerender), once its file has come for a language with one. */
  function showGuide(element) {
    var lang = language(element);
    if (lang === MANIFEST.defaultLanguage) return prerender(element, BUILT_IN.guide);
    bundle(lang).then(function (b) { if (b && language(element) === lang) prerender(element, b.guide); });
  }

  /**
   * Where `node` is in the shadow root `root`: its id, or else the element
   * indexes that lead to it. The code renders the very tree the loader
   * prerendered, so the same place names the node's twin (see find).
   */
  function place(root, node) {
    if (node && node.nodeType !== 1) node = node.parentElement;
    if (!node || node.id) return { id: node && node.id };
    var path = [];
    for (; node && node !== root && node.parentNode; node = node.parentNode) {
      path.unshift(Array.prototype.indexOf.call(node.parentNode.children, node));
    }
    return { path: path };
  }

  /** The element at `at` (see place) in `root` now, or null. */
  function find(root, at) {
    if (at.id !== undefined) return at.id ? root.getElementById(at.id) : null;
    var node = root;
    for (var i = 0; node && i < at.path.length; i++) node = node.children[at.path[i]];
    return node || null;
  }

  /** The focused element of the guide, with its caret, to give back to its twin. */
  function focusOf(root) {
    var active = root.activeElement;
    if (!active) return null;
    var caret = typeof active.selectionStart === 'number';
    return { at: place(root, active), value: active.value, start: caret ? active.selectionStart : null, end: caret ? active.selectionEnd : null };
  }

  /** Focuses the twin of what `focusOf` recorded, caret and text included, unless focus has moved on. */
  function refocus(root, focus) {
    if (!focus || root.activeElement) return;
    var twin = find(root, focus.at);
    if (!twin || (document.activeElement && document.activeElement !== document.body && document.activeElement !== root.host)) return;
    if (typeof focus.value === 'string' && twin.value !== focus.value) twin.value = focus.value;
    twin.focus({ preventScroll: true });
    if (focus.start !== null && twin.setSelectionRange) twin.setSelectionRange(focus.start, focus.end);
  }

  /**
   * Replays the events recorded before the code ran, on the same element or
   * its new twin (same place), then marks the guide live (`data-tg-live`).
   */
  function replay(element) {
    var early = element._early || [];
    element._early = null;
    var mount = element.shadowRoot.lastElementChild;
    if (mount) mount.setAttribute('data-tg-live', '');
    early.forEach(function (e, i) {
      // A field's last input alone: it holds the text typed (and leaves the caret where the reader put it).
      var later = early.slice(i + 1).some(function (f) { return f.type === 'input' && f.target === e.target; });
      if (e.type === 'input' && later) return;
      var target = e.target.isConnected ? e.target : find(element.shadowRoot, e.at);
      if (!target) return;
      if (e.type === 'click') return target.click();
      // Taking the guide over resets a field to its rendered value: put the reader's text back.
      if (typeof e.value === 'string' && target.value !== e.value) target.value = e.value;
      target.dispatchEvent(new Event(e.type, { bubbles: true, composed: true }));
    });
  }

  /**
   * The content is shown: once the reader's early events are replayed, the
   * element's methods reach `widget` (null: the plain guide, which they
   * cannot drive), `ready` resolves and `tg-ready` is dispatched (once).
   */
  function settle(element, widget) {
    element._shown = widget;
    if (element._resolveReady) {
      element._resolveReady();
      element._resolveReady = null;
      dispatch(element, EVENTS.ready);
    }
    var waiting = element._waiting;
    element._waiting = [];
    waiting.forEach(function (resume) { resume(widget); });
  }

  /**
   * When the code cannot run (no WebAssembly, a policy that forbids it, a
   * failed download), or has failed (`crashed`: it trapped): the plain
   * guide, every section readable, with a short note in the reader's
   * language, and a `tg-error` for the web staff.
   * A policy is recognised by its error: Chromium and WebKit name the
   * Content-Security-Policy or 'wasm-unsafe-eval', Firefox says "blocked by CSP".
   */
  function fallback(element, error, crashed) {
    var detail = String(error && (error.message || error));
    var csp = !crashed && error && /Content.Security.Policy|wasm-unsafe-eval|\bCSP\b/i.test(detail);
    var message = crashed ? 'internal error (' + detail + '); the plain guide is shown'
      : csp ? CSP_HINT : error ? 'the drug search could not be loaded: ' + detail : 'this browser has no WebAssembly';
    if (csp) console.warn(CSP_HINT);
    else if (crashed) console.error('treatment-guide: ' + message + '.', error);
    else console.error('treatment-guide: the drug search could not be loaded; the plain guide is shown.', error || 'this browser has no WebAssembly');
    element._early = null;
    release(element);
    var lang = language(element);
    var kind = crashed ? MANIFEST.errorKinds.crash : error && !csp ? MANIFEST.errorKinds.loadFailed : MANIFEST.errorKinds.noWasm;
    var key = crashed ? 'crash' : kind === MANIFEST.errorKinds.noWasm ? 'no_search' : 'load_failed';
    bundle(lang).then(function (b) {
      var shown = b || lang === MANIFEST.defaultLanguage ? lang : MANIFEST.defaultLanguage;
      var note = document.createElement('p');
      note.className = crashed ? 'tg-static-note tg-crash' : 'tg-static-note';
      // A failure while the reader uses the guide is announced; the others are read in turn.
      note.setAttribute('role', crashed ? 'alert' : 'note');
      note.textContent = text(shown, key);
      var mount = document.createElement('div');
      mount.className = MANIFEST.mountClass;
      mount.appendChild(followed(element, parsed((b || BUILT_IN).fallback)));
      element.shadowRoot.replaceChildren(note, mount);
      dispatch(element, EVENTS.error, { kind: kind, message: 'treatment-guide: ' + message });
      settle(element, null);
    });
  }

  /**
   * The code of `element` has trapped (a bug: the release build stops at
   * once on a panic). Its instance is not called again; the reader gets the
   * plain guide with the notice, and other widgets go on with their own.
   */
  function crash(element, error) {
    element._attempt = null;
    element._widget = null;
    element._crashed = true;
    fallback(element, error, true);
  }

  /** Text needs this contrast against its background (WCAG AA). */
  var MIN_CONTRAST = 4.5;
  /** Text colours and their backgrounds, as the widget's own names (styles/widget.css `--_*`). */
  var CONTRAST_PAIRS = [['text', 'bg'], ['muted', 'bg'], ['accent', 'bg'], ['accent-text', 'accent']];
  /** The host's property behind each name: `--tg-<name>` in light mode, `--tg-dark-<name>` in dark. */
  var HOST_NAMES = { text: 'text', muted: 'muted', accent: 'accent', 'accent-text': 'accent-contrast', bg: 'background' };

  /**
   * Warns in the console, naming the property, when a colour the host set
   * gives text under 4.5:1 against its background in either colour scheme.
   * Measures the colours the widget really uses (a hidden probe in its shadow
   * root, in each scheme), so the lighter dark-mode tone of --tg-accent counts.
   */
  function warnContrast(element) {
    var host = getComputedStyle(element);
    var set = function (name) { return host.getPropertyValue(name).trim() !== ''; };
    var root = element.shadowRoot;
    if (!root || !window.CSS || !window.CSS.supports('color', 'light-dark(#000, #fff)')) return;
    var named = Object.keys(HOST_NAMES).some(function (n) { return set('--tg-' + HOST_NAMES[n]) || set('--tg-dark-' + HOST_NAMES[n]); });
    if (!named) return;
    var canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    var paint = canvas.getContext('2d', { willReadFrequently: true });
    var probe = document.createElement('span');
    probe.hidden = true;
    root.appendChild(probe);
    /** Relative luminance of the colour the widget uses for `name`, or null if it is not opaque. */
    var luminance = function (name) {
      probe.style.color = 'var(--_' + name + ')';
      paint.clearRect(0, 0, 1, 1);
      paint.fillStyle = getComputedStyle(probe).color;
      paint.fillRect(0, 0, 1, 1);
      var px = paint.getImageData(0, 0, 1, 1).data;
      if (px[3] !== 255) return null;
      var linear = [0, 1, 2].map(function (i) {
        var c = px[i] / 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    };
    /** The host properties behind `name` in `scheme` that the host set (a dark accent may come from --tg-accent). */
    var owners = function (name, scheme) {
      var light = '--tg-' + HOST_NAMES[name];
      var dark = '--tg-dark-' + HOST_NAMES[name];
      if (scheme === 'light') return set(light) ? [light] : [];
      if (set(dark)) return [dark];
      return name === 'accent' && set(light) ? [light + ' (its lighter dark-mode tone)'] : [];
    };
    ['light', 'dark'].forEach(function (scheme) {
      probe.style.colorScheme = scheme;
      CONTRAST_PAIRS.forEach(function (pair) {
        var blame = owners(pair[0], scheme).concat(owners(pair[1], scheme));
        if (!blame.length) return;
        var fg = luminance(pair[0]);
        var bg = luminance(pair[1]);
        if (fg === null || bg === null) return;
        var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio >= MIN_CONTRAST) return;
        console.warn(TAG + ': ' + blame.join(' and ') + ' gives text a contrast of ' + ratio.toFixed(1) + ':1 in '
          + scheme + ' mode (' + pair[0] + ' on ' + pair[1] + '); ' + MIN_CONTRAST + ':1 is needed. '
          + 'Colours for dark mode are set with --tg-dark-* (see the README, Theming).');
      });
    });
    probe.remove();
  }
  /**
   * How the WebAssembly is requested from the page's own origin: as the
   * standalone page's preload hint (no crossorigin) is, so that Chromium,
   * Firefox and WebKit all reuse the preload instead of downloading twice.
   * A file on another origin gets a plain CORS request.
   */
  var SAME_ORIGIN_FETCH = { mode: 'no-cors', credentials: 'include' };
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

  /** How far below the window (in window heights) a widget still loads at once. */
  var NEAR = 1;
  /** The longest a far widget waits for the page to be idle before it loads anyway (ms). */
  var IDLE_WAIT = 5000;

  /**
   * Calls `start` at once for a widget in view or near it, and for a page
   * that links into the guide (#tg…). A widget far below the fold starts
   * when the reader nears it (within NEAR window heights), moves into it
   * (focus, pointer), or when the page is idle, whichever comes first: its
   * download and start-up then never compete with the host page's own.
   */
  function whenNear(element, start) {
    if (element._far) return;
    var top = element.getBoundingClientRect().top;
    if (top < (NEAR + 1) * innerHeight || !window.IntersectionObserver || /^#tg/.test(location.hash)) return start();
    element._far = true;
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) go();
    }, { rootMargin: NEAR * 100 + '% 0px' });
    var go = function () {
      if (!observer) return;
      observer.disconnect();
      observer = null;
      element._far = false;
      element.removeEventListener('focusin', go);
      element.removeEventListener('pointerdown', go);
      start();
    };
    observer.observe(element);
    element.addEventListener('focusin', go);
    element.addEventListener('pointerdown', go);
    if (window.requestIdleCallback) requestIdleCallback(go, { timeout: IDLE_WAIT });
    else setTimeout(go, IDLE_WAIT);
  }

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
  function reader() {
    if (!reading) {
      reading = Promise.all([import(new URL(READER, base).href), compile(READER_WASM)]).then(function (loaded) {
        return loaded[0].default({ module_or_path: loaded[1] }).then(function () { return loaded[0]; });
      });
      reading.catch(function () { reading = null; });
    }
    return reading;
  }

  /**
   * The widget's `read`: content text (a content-src file, or setContent's)
   * read and validated by the content reader, as a promise of `{ content }`
   * (the built-in encoding) or `{ problems, sections }`. It rejects when
   * the reader cannot be loaded; the widget then says so.
   */
  function read(text) {
    return reader().then(function (module) { return module.read_content(text); });
  }

  /** The read-aloud module once imported (a promise), or null. */
  var speaking = null;

  /**
   * The page's speaker, which every widget's Listen controls call:
   * `listen(command, …arguments)` runs the read-aloud module's command. The
   * module (1.5 KiB) is imported when the page is next idle after a Listen
   * button first shows (`load`: a section opened on a device with a local
   * voice), or on the first `start`: a reader who never opens a section
   * never downloads it, and one who presses Listen hears it at once. Before
   * that, other commands have nothing to do. When it cannot be loaded, the
   * control is told it is idle again.
   */
  function listen(command) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (command === 'load') return speaking || (window.requestIdleCallback || setTimeout)(function () { listen('ready'); });
    if (!speaking && command !== 'start' && command !== 'ready') return;
    if (!speaking) {
      speaking = import(new URL(LISTEN, base).href);
      speaking.catch(function (error) {
        speaking = null;
        console.error('treatment-guide: the read-aloud code could not be loaded.', error);
        if (args[1]) args[1].dispatchEvent(new CustomEvent('tg-listen', { detail: { state: 'idle' } }));
      });
    }
    if (command !== 'ready') speaking.then(function (module) { module[command].apply(null, args); }, function () {});
  }

  /** Whether the element shows a content file (content-src, or text given to setContent) instead of the built-in guide. */
  function hasContent(element) {
    return element._content != null || !!(element.getAttribute(MANIFEST.contentSrc) || '').trim();
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
    return Promise.all([import(url.href), compile(WASM)]).then(function (loaded) {
      var glue = loaded[0];
      return glue.default({ module_or_path: loaded[1] }).then(function () { return glue; });
    });
  }

  class TreatmentGuideElement extends HTMLElement {
    constructor() {
      super();
      var element = this;
      /** Resolves the `ready` promise; null once it has. */
      element._resolveReady = null;
      element._ready = new Promise(function (resolve) { element._resolveReady = resolve; });
      /** The widget the methods drive once the content is shown (null: the plain guide); undefined until then. */
      element._shown = undefined;
      /** Method calls waiting for the content to be shown. */
      element._waiting = [];
      /** Content given to setContent (a JSON string), or null. */
      element._content = null;
    }

    static get observedAttributes() {
      return MANIFEST.attributes;
    }

    /** Resolves when the widget is shown: interactive, or the plain guide when the code cannot run. */
    get ready() {
      return this._ready;
    }

    /** Opens the section `id`; resolves to false when there is none. */
    openSection(id) {
      return this._call(function (widget) { return widget.set_section(String(id), true); }, false);
    }

    /** Closes the section `id`; resolves to false when there is none. */
    closeSection(id) {
      return this._call(function (widget) { return widget.set_section(String(id), false); }, false);
    }

    /** Opens every section. */
    openAll() {
      return this._call(function (widget) { widget.set_all(true); }, undefined);
    }

    /** Closes every section. */
    closeAll() {
      return this._call(function (widget) { widget.set_all(false); }, undefined);
    }

    /** Shows the card of the drug the lookup finds first for `name`; resolves to its generic name, or null. */
    showDrug(name) {
      return this._call(function (widget) {
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
      this._content = text == null ? null : String(text);
      this._shown = undefined;
      // A render under way reads the content when it mounts.
      if (this.isConnected && (this._widget || this._crashed)) this._render();
      return this._call(function () {}, undefined);
    }

    /**
     * Runs `act` on the widget once its content is shown (at once when it
     * is), then resolves with its result after the view has rendered; with
     * `otherwise` when only the plain guide is shown.
     */
    _call(act, otherwise) {
      var element = this;
      return new Promise(function (resume) {
        if (element._shown !== undefined) resume(element._shown);
        else element._waiting.push(resume);
      }).then(function (widget) {
        if (!widget || !element._glue || element._glue.trapped()) return otherwise;
        var result = act(widget);
        return new Promise(function (done) { setTimeout(done, 0, result); });
      });
    }

    /** The widget's version: customElements.get('treatment-guide').version. */
    static get version() {
      return VERSION;
    }

    connectedCallback() {
      // Properties set before the element was defined go through their accessors now.
      var element = this;
      MANIFEST.properties.forEach(function (property) {
        if (!Object.prototype.hasOwnProperty.call(element, property.name)) return;
        var value = element[property.name];
        delete element[property.name];
        element[property.name] = value;
      });
      if (!this.shadowRoot) {
        element.attachShadow({ mode: 'open' });
        styles(element.shadowRoot);
        // Once the page's own stylesheets have all loaded.
        if (document.readyState === 'complete') setTimeout(warnContrast, 0, element);
        else addEventListener('load', function () { warnContrast(element); }, { once: true });
        showGuide(element);
      }
      if (typeof WebAssembly !== 'object') return fallback(this, null);
      var fresh = !this._widget;
      if (fresh) reserve(this);
      // The download and compilation start once the reader can see the guide,
      // and for a widget far below the fold, once the reader nears it.
      whenPainted(this, function () {
        if (!element.isConnected || element._widget) return;
        whenNear(element, function () {
          if (element.isConnected && !element._widget) element._render();
        });
      });
    }

    disconnectedCallback() {
      release(this);
      this._unmount();
    }

    attributeChangedCallback(name, before, after) {
      if (before === after || !this.isConnected) return;
      // A widget that failed starts again, on a fresh instance.
      if (this._widget || this._crashed) this._render();
      // Before the code, the guide shown follows the attribute too.
      else if (this._early) showGuide(this);
    }

    _render() {
      var element = this;
      var attempt = {};
      element._attempt = attempt;
      element._shown = undefined;
      if (element._glue && element._glue.trapped()) element._glue = null;
      var lang = language(element);
      var wanted = asked(element);
      if (wanted && wanted !== lang) {
        console.warn('treatment-guide: no content in language "' + wanted + '"; showing "' + lang + '" (set content-src to a file in that language)');
      }
      // The content reader downloads beside the code, so it is there when the content is.
      if (hasContent(element)) reader().catch(function () {});
      var ready = Promise.all([element._glue ? Promise.resolve(element._glue) : instance(), bundle(lang)])
        .then(function (loaded) {
          element._bundle = loaded[1];
          // The default language when the language's file could not be loaded.
          element._lang = loaded[1] || lang === MANIFEST.defaultLanguage ? lang : MANIFEST.defaultLanguage;
          return loaded[0];
        });
      // Render in a task of its own, not in the one that instantiated the
      // code and prepared the stylesheet and content, so neither keeps the
      // page's main thread busy for long.
      ready.then(function (glue) {
        glue.prepare(element, element._lang);
        return new Promise(function (done) { setTimeout(done, 0, glue); });
      }).then(function (glue) {
        if (element._attempt !== attempt || !element.isConnected) {
          if (!element._glue) idle.push(glue);
          return;
        }
        var focus = focusOf(element.shadowRoot);
        element._unmount();
        // The notice and plain guide of a failure give way to the new widget.
        if (element._crashed) element.shadowRoot.replaceChildren();
        element._crashed = false;
        element._attempt = attempt;
        element._glue = glue;
        glue.onTrap(function (error) { if (element._glue === glue) crash(element, error); });
        // The widget reads the element's attributes itself.
        element._widget = glue.mount(
          element,
          element._lang,
          element._bundle ? element._bundle.content : undefined,
          element._content == null ? undefined : element._content,
          read,
          function notify(type, detail) { dispatch(element, type, detail); },
          function shown() {
            setTimeout(function () {
              if (element._attempt !== attempt) return;
              replay(element);
              settle(element, element._widget);
            }, 0);
          },
          listen);
        // The code renders its tree in a microtask queued by mount: then give focus back.
        Promise.resolve().then(function () { refocus(element.shadowRoot, focus); });
        releaseWhenFilled(element);
      }).catch(function (error) {
        if (element._attempt !== attempt) return;
        // A trap is a failure of the code itself; anything else means it cannot run here.
        fallback(element, error, error instanceof WebAssembly.RuntimeError);
      });
    }

    _unmount() {
      this._attempt = null;
      this._shown = undefined;
      var glue = this._glue;
      // The prerendered guide stays until a widget has been mounted (which takes its place).
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
        if (!glue.trapped()) idle.push(glue);
      }
    }
  }

  // Properties that reflect the attributes (`lang` is HTMLElement's own).
  MANIFEST.properties.forEach(function (property) {
    if (property.name in HTMLElement.prototype) return;
    var name = property.attribute;
    Object.defineProperty(TreatmentGuideElement.prototype, property.name, {
      configurable: true,
      enumerable: true,
      get: function () {
        return property.boolean ? this.hasAttribute(name) : this.getAttribute(name);
      },
      set: function (value) {
        if (property.boolean ? !value : value == null) this.removeAttribute(name);
        else this.setAttribute(name, property.boolean ? '' : String(value));
      },
    });
  });

  customElements.define(TAG, TreatmentGuideElement);
})();
