/*! treatment-guide iframe snippet (embed-resize.js): for hosts that would
 * rather embed the guide's iframe page than the element. Placed with
 *   <script src="https://your.site/path/to/dist/embed-resize.js" data-lang="en" defer></script>
 * it puts an iframe of embed.html (from its own folder, so the site's address
 * is written once, in its own src) right after itself, with `data-lang`,
 * `data-open` and `data-heading-level` as the page's settings, and sizes the
 * iframe to the guide whenever embed.html posts its height
 * ({ type: 'treatment-guide:height', height }). It trusts only messages from
 * that iframe, on that origin. The iframe is styled through the CSS object
 * model (display: block; margin: auto; border: 0), which a strict Content
 * Security Policy allows: no inline style, no inline script. */
(function () {
  'use strict';
  /** The `type` of the messages embed.html posts (iframe/embed.js). */
  var HEIGHT_MESSAGE = 'treatment-guide:height';
  /** The settings the snippet takes: `data-<name>` becomes embed.html's query parameter `<name>`. */
  var SETTINGS = ['lang', 'open', 'heading-level'];
  /** The iframe's title (its name for screen readers) by language, unless `data-title` gives one. */
  var TITLES = { en: 'Treatment guide', fr: 'Guide des traitements' };
  /** The iframe's height until the guide tells its own, in CSS pixels, unless `data-height` gives one. */
  var FIRST_HEIGHT = 1200;

  var script = document.currentScript;
  if (!script || !script.src || !script.parentNode) return;
  var page = new URL('embed.html', script.src);
  SETTINGS.forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value !== null && value !== '') page.searchParams.set(name, value);
  });
  var lang = (script.getAttribute('data-lang') || document.documentElement.lang || 'en').toLowerCase().split('-')[0];

  var frame = document.createElement('iframe');
  frame.src = page.href;
  frame.title = script.getAttribute('data-title') || TITLES[lang] || TITLES.en;
  frame.className = 'treatment-guide-frame';
  frame.width = '100%';
  frame.height = String(parseInt(script.getAttribute('data-height'), 10) || FIRST_HEIGHT);
  // Through the CSS object model: allowed under a policy without 'unsafe-inline'.
  frame.style.display = 'block';
  frame.style.margin = 'auto';
  frame.style.border = '0';
  frame.style.width = '100%';
  script.parentNode.insertBefore(frame, script.nextSibling);

  addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== page.origin) return;
    var data = event.data;
    if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== 'number' || !(data.height > 0)) return;
    frame.height = String(Math.ceil(data.height));
  });
})();
