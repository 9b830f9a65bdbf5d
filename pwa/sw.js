/*! treatment-guide service worker for the standalone page (dist/index.html).
 * Written into dist/sw.js by tools/post-build.mjs, which fills in BUILD:
 * the build's version and every file of dist/ with its SRI hash.
 * Not used by the embed: treatment-guide.js never registers a worker.
 *
 * - Install: downloads every listed file, checks it against its build-time
 *   hash, and stores them all in one cache named after this build.
 * - Fetch: a listed file (and a visit to the folder itself) comes from that
 *   cache, falling back to the network; anything else goes to the network.
 *   index.html, treatment-guide.js, the glue, the wasm and the content reader
 *   always come from the same cache, so a page never mixes the files of two builds.
 * - Activate: takes over at once and deletes the caches of earlier builds
 *   of this folder (caches of other folders on the same site are kept).
 */
'use strict';

const BUILD = __TG_BUILD__;
const SCOPE = new URL('./', self.location.href);
const PREFIX = 'treatment-guide:' + SCOPE.pathname + ':';
const CACHE = PREFIX + BUILD.version;
const INDEX = new URL('index.html', SCOPE).href;
const FILES = new Map(BUILD.files.map((file) => [new URL(file.url, SCOPE).href, file]));

/** Fetches one file, checked against its hash; a mismatch is retried once past the HTTP cache. */
async function download(url, file) {
  const get = (cache) => fetch(new Request(url, { cache, integrity: file.integrity, credentials: 'same-origin' }));
  let response;
  try {
    // Hashed names never change content, so the HTTP cache may answer; other files are revalidated.
    response = await get(file.immutable ? 'default' : 'no-cache');
  } catch {
    response = await get('reload');
  }
  if (!response.ok) throw new Error(`treatment-guide sw: ${url}: HTTP ${response.status}`);
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Every file or none: a failed download fails the install, and the
    // worker of the previous build keeps serving its own complete set.
    const responses = await Promise.all([...FILES].map(([url, file]) => download(url, file).then((r) => [url, r])));
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
    await self.skipWaiting();
  })().catch(async (error) => {
    await caches.delete(CACHE);
    throw error;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

/** The cache key of a request, or null when this worker leaves it to the network. */
function keyOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return null;
  url.search = '';
  url.hash = '';
  if (request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.href === INDEX)) return INDEX;
  return FILES.has(url.href) ? url.href : null;
}

/** Navigation responses must not be flagged as redirected. */
function clean(response) {
  if (!response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request);
  if (!key) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return clean(hit);
    return fetch(event.request);
  })());
});
