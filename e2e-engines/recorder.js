// Loaded first by the host pages of the engine tests: records console errors,
// uncaught errors, unhandled rejections and files that failed to load, in
// window.tgRecorded, in every engine alike; and when the first widget went
// live, in window.tgReadyAt (ms from navigation).
(function () {
  'use strict';
  var recorded = [];
  window.tgRecorded = recorded;
  var error = console.error;
  console.error = function () {
    recorded.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
  window.addEventListener('error', function (event) {
    var target = event.target;
    recorded.push(target && target !== window ? 'failed to load: ' + (target.src || target.href) : 'error: ' + event.message);
  }, true);
  // When the first widget went live (its tg-ready), for the run's ready-time figure.
  document.addEventListener('tg-ready', function () {
    if (window.tgReadyAt === undefined) window.tgReadyAt = performance.now();
  });
  window.addEventListener('unhandledrejection', function (event) {
    recorded.push('unhandled rejection: ' + event.reason);
  });
})();
