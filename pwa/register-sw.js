/*! treatment-guide: registers the service worker of the standalone page
 * (sw.js, next to this file), so the page works offline once visited.
 * Only dist/index.html includes this script; the embed never does. */
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  var script = document.currentScript;
  var url = new URL('sw.js', (script && script.src) || document.baseURI);
  function register() {
    // The worker's own file is always checked against the server (never the HTTP cache).
    navigator.serviceWorker.register(url.href, { updateViaCache: 'none' }).catch(function (error) {
      // Offline use of the page does not depend on this: report it quietly.
      console.warn('treatment-guide: offline support is not available:', error && error.message);
    });
  }
  // After the page has loaded, so the worker's downloads do not slow the first start.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
