/**
 * The loader's one fetcher: every text file fetched for a widget (a
 * language file, a content-src file) comes through `fetchText`, bounded by
 * the one time and size limit the build gives (src/api.rs).
 */
import { MANIFEST } from './facts.js';

/** `{ timeoutMs, maxBytes }`. */
var LIMITS = MANIFEST.fetch;

/** Why a fetch failed: `kind` is `unreachable`, `http` (with `status`, `statusText`), `timed-out` or `too-large` (with `bytes`). */
function failure(kind, more) {
  var out = { kind: kind };
  for (var key in more) out[key] = more[key];
  return out;
}

/** The size of `text` in UTF-8 bytes, counted only when it could be over the limit. */
function size(text) {
  return text.length * 3 > LIMITS.maxBytes ? new TextEncoder().encode(text).length : text.length;
}

/**
 * The text at `url` (resolved against the page), within the time and size
 * limits. Rejects with a `failure` object, never an exception of its own.
 */
export function fetchText(url) {
  var controller = new AbortController();
  var timedOut = false;
  var timer = setTimeout(function () { timedOut = true; controller.abort(); }, LIMITS.timeoutMs);
  return fetch(url, { signal: controller.signal }).then(function (response) {
    if (!response.ok) throw failure('http', { status: response.status, statusText: response.statusText });
    var declared = Number(response.headers.get('content-length'));
    if (declared > LIMITS.maxBytes) {
      controller.abort();
      throw failure('too-large', { bytes: declared });
    }
    return response.text().then(function (text) {
      var bytes = size(text);
      if (bytes > LIMITS.maxBytes) throw failure('too-large', { bytes: bytes });
      return text;
    });
  }).catch(function (error) {
    throw error && error.kind ? error : failure(timedOut ? 'timed-out' : 'unreachable', {});
  }).finally(function () { clearTimeout(timer); });
}
