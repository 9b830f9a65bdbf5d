/*! treatment-guide iframe page (embed.html): for hosts that can only embed an
 * iframe. Copies `lang`, `open` and `heading-level` from the page's query
 * string onto the widget, and nothing else: a content file address is never
 * taken from the address, so no link can show someone else's text under this
 * site's name. Posts the page's height to the parent window whenever it
 * changes, as { type: 'treatment-guide:height', height } (CSS pixels), so the
 * host can size the iframe to its content (see the README, "Iframe"). */
(function () {
  'use strict';
  /** The query parameters the page takes: each sets the attribute of the same name. */
  var ALLOWED = ['lang', 'open', 'heading-level'];
  /** The `type` of the messages this page posts to its parent. */
  var HEIGHT_MESSAGE = 'treatment-guide:height';
  var element = document.querySelector('treatment-guide');
  var query = new URLSearchParams(location.search);

  ALLOWED.forEach(function (name) {
    var value = query.get(name);
    if (value !== null) element.setAttribute(name, value);
  });
  // The page's own language follows the guide's, for screen readers and the browser.
  if (query.get('lang')) document.documentElement.lang = query.get('lang');

  /**
   * The page's heading and title: the guide's own title, from its content
   * and in its language, once the guide shows it.
   */
  var heading = document.getElementById('title');
  customElements.whenDefined('treatment-guide').then(function () {
    var root = element.shadowRoot;
    if (!root) return;
    var named = function () {
      var shown = root.querySelector('.tg-title');
      if (!shown) return false;
      heading.textContent = document.title = shown.textContent;
      return true;
    };
    if (named()) return;
    var observer = new MutationObserver(function () { if (named()) observer.disconnect(); });
    observer.observe(root, { childList: true, subtree: true });
  });

  if (window.parent === window || !window.ResizeObserver) return;
  var last = -1;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height says nothing about the reader, so any parent may have it.
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height: height }, '*');
  }
  new ResizeObserver(post).observe(document.documentElement);
})();
