/*
 * treatment-guide warm-up worker (a module worker; the loader starts it, see
 * src/loader/warm.js). Chromium's engine compiles WebAssembly lazily: each
 * function is compiled on its first call, on the thread that calls it, and
 * the compiled code then belongs to the module, shared by every instance in
 * every thread. So this worker runs the widget's start-up once, on its own
 * instance of the page's compiled module: it prepares the built-in content
 * and the lookup, mounts a widget into a stand-in document (a worker has no
 * DOM), opens a section and types a name. The page's own instance then finds
 * those functions compiled, and its start-up and a reader's first tap and
 * keystroke no longer block the page while the code compiles.
 *
 * Everything here is best effort: whatever the stand-in document lacks ends
 * the warm-up early (a function it never reached compiles on the page, as
 * without a worker), and the worker says it is done in every case. It touches
 * no page, sends nothing anywhere and reads only the widget's own glue.
 *
 * Messages in: `{ glue }` (the glue's URL: imported at once, during the
 * download), then `{ module }` (the compiled WebAssembly.Module). Out, once:
 * `{ done, reached, error }`: the last step finished ('nothing', 'prepared',
 * 'mounted', 'opened', 'typed') and why it stopped there, if it did.
 */

/** A list as the DOM gives one: indexable, with `item(i)`. */
function list(items) {
  items.item = function (i) { return items[i] === undefined ? null : items[i]; };
  return items;
}

/** Listeners by type, on the stand-in nodes that registered them. */
var listeners = [];

/** A stand-in DOM node: a tree of elements and texts with attributes, and no layout. */
function Fake(kind, name) {
  this.kind = kind; // 'element', 'text', 'root' (a shadow root) or 'document'
  this.localName = name || '';
  this.tagName = (name || '').toUpperCase();
  this.nodeType = kind === 'text' ? 3 : kind === 'root' ? 11 : 1;
  this.childNodes = list([]);
  this.parentNode = null;
  this.attributes = {};
  this.className = '';
  this.id = '';
  this.value = '';
  this.nodeValue = null;
  this.namespaceURI = 'http://www.w3.org/1999/xhtml';
  this.style = { setProperty: function () {}, removeProperty: function () { return ''; } };
}
Fake.prototype = {
  get children() { return list(this.childNodes.filter(function (n) { return n.kind === 'element'; })); },
  get parentElement() { return this.parentNode && this.parentNode.kind === 'element' ? this.parentNode : null; },
  get firstChild() { return this.childNodes[0] || null; },
  get lastChild() { return this.childNodes[this.childNodes.length - 1] || null; },
  get nextSibling() {
    var siblings = this.parentNode ? this.parentNode.childNodes : [];
    return siblings[siblings.indexOf(this) + 1] || null;
  },
  get textContent() {
    return this.kind === 'text' ? this.nodeValue : this.childNodes.map(function (n) { return n.textContent; }).join('');
  },
  set textContent(text) {
    this.childNodes.length = 0;
    if (text) this.appendChild(document.createTextNode(text));
  },
  set innerHTML(html) { this.childNodes.length = 0; },
  appendChild: function (node) { return this.insertBefore(node, null); },
  insertBefore: function (node, before) {
    if (node.parentNode) node.parentNode.removeChild(node);
    var at = before ? this.childNodes.indexOf(before) : -1;
    if (at < 0) this.childNodes.push(node);
    else this.childNodes.splice(at, 0, node);
    node.parentNode = this;
    return node;
  },
  removeChild: function (node) {
    var at = this.childNodes.indexOf(node);
    if (at >= 0) this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  },
  replaceWith: function (node) {
    if (!this.parentNode) return;
    this.parentNode.insertBefore(node, this);
    this.parentNode.removeChild(this);
  },
  cloneNode: function () { return new Fake(this.kind, this.localName); },
  contains: function (node) {
    for (; node; node = node.parentNode) if (node === this) return true;
    return false;
  },
  closest: function () { return null; },
  setAttribute: function (name, value) { this.attributes[name] = String(value); },
  getAttribute: function (name) { return name in this.attributes ? this.attributes[name] : null; },
  hasAttribute: function (name) { return name in this.attributes; },
  removeAttribute: function (name) { delete this.attributes[name]; },
  querySelectorAll: function () { return list([]); },
  addEventListener: function (type, listener) { listeners.push({ node: this, type: type, listener: listener }); },
  removeEventListener: function () {},
  getBoundingClientRect: function () { return { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 }; },
  focus: function () {},
  scrollIntoView: function () {},
};

/** A class whose `instanceof` holds for the values that `test` accepts. */
function kindOf(test) {
  var type = function () {};
  Object.defineProperty(type, Symbol.hasInstance, { value: test });
  return type;
}

var document = new Fake('document');
document.createElement = function (name) { return new Fake('element', name); };
document.createElementNS = function (namespace, name) {
  var element = new Fake('element', name);
  element.namespaceURI = namespace;
  return element;
};
document.createTextNode = function (text) {
  var node = new Fake('text');
  node.nodeValue = text;
  return node;
};
// The worker's own global stands in for the page's window, as the code finds it.
var page = {
  window: self,
  document: document,
  history: { state: null, replaceState: function () {} },
  matchMedia: function () { return { matches: false, addEventListener: function () {}, removeEventListener: function () {} }; },
  // `self instanceof Window` holds here, as `window instanceof Window` does on a page.
  Window: kindOf(function (v) { return v === self; }),
  Node: kindOf(function (v) { return v instanceof Fake; }),
  Element: kindOf(function (v) { return v instanceof Fake && v.kind === 'element'; }),
  HTMLElement: kindOf(function (v) { return v instanceof Fake && v.kind === 'element'; }),
  HTMLInputElement: kindOf(function (v) { return v instanceof Fake && v.localName === 'input'; }),
  ShadowRoot: kindOf(function (v) { return v instanceof Fake && v.kind === 'root'; }),
  KeyboardEvent: kindOf(function () { return false; }),
};
for (var name in page) self[name] = page[name];

/** A stand-in event of `type` on `target`, as the widget's listeners read one. */
function fire(type, target) {
  var path = [];
  for (var node = target; node; node = node.parentNode) path.push(node);
  var event = {
    type: type, target: target, bubbles: true, cancelBubble: false, relatedTarget: null, key: '', altKey: false,
    composedPath: function () { return path; },
    stopPropagation: function () { event.cancelBubble = true; },
    preventDefault: function () {},
  };
  listeners.filter(function (l) { return l.type === type && path.indexOf(l.node) >= 0; }).forEach(function (l) {
    if (typeof l.listener === 'function') l.listener(event);
    else if (l.listener && l.listener.handleEvent) l.listener.handleEvent(event);
  });
}

/** The first element under `node` that `test` accepts. */
function find(node, test) {
  for (var i = 0; i < node.childNodes.length; i += 1) {
    var child = node.childNodes[i];
    if (child.kind === 'element' && test(child)) return child;
    var found = find(child, test);
    if (found) return found;
  }
  return null;
}

/** The next task, after the microtasks where the widget renders. */
function later() {
  return new Promise(function (done) { setTimeout(done, 0); });
}

var glue = null;

/** How far the warm-up went: the last step it finished. */
var reached = 'nothing';

/** The start-up, once, on an instance of `module`: each step only if the one before it went through. */
function run(module) {
  var button = null;
  return glue.then(function (code) {
    return code.default({ module_or_path: module }).then(function () { return code; });
  }).then(function (code) {
    code.prepare('en');
    reached = 'prepared';
    var host = document.createElement('treatment-guide');
    host.shadowRoot = new Fake('root');
    var noop = function () {};
    code.mount(host, 'en', '', undefined, undefined, undefined, noop, noop, noop);
    return later().then(function () {
      reached = 'mounted';
      button = find(host.shadowRoot, function (n) { return n.localName === 'button' && n.getAttribute('aria-expanded') === 'false'; });
      if (!button) throw new Error('no section button');
      fire('click', button);
      return later();
    }).then(function () {
      if (button.getAttribute('aria-expanded') !== 'true') throw new Error('the section did not open');
      reached = 'opened';
      var input = find(host.shadowRoot, function (n) { return n.localName === 'input'; });
      if (!input) throw new Error('no search box');
      input.value = 'Oncovin';
      fire('input', input);
      return later();
    }).then(function () {
      reached = 'typed';
    });
  });
}

self.onmessage = function (message) {
  var data = message.data || {};
  if (data.glue && !glue) {
    glue = import(data.glue);
    glue.catch(function () {});
  }
  if (data.module && glue) {
    run(data.module).then(function () { return null; }, function (error) { return String(error && error.stack || error); })
      .then(function (error) { postMessage({ done: true, reached: reached, error: error }); });
  }
};
