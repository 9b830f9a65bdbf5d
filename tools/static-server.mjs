// A small static file server for the demo and the end-to-end tests:
// serves a folder under an optional path prefix, with optional extra headers.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { HASHED } from './modules.mjs';

/** MIME types of the files dist/ holds; `application/wasm` enables streaming compilation. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Starts a server. Options: `root` folder, `port` (0 = any), `prefix` (URL
 * path the folder is served under, e.g. `/a/b/`), `headers` (added to every
 * response), `routes` (map of URL path to `{ body, type, headers }` for
 * host pages made up by tests; `{ hang: true }` never answers), `gzip`
 * (compress answers for clients that accept it, as real hosts do). Resolves
 * to `{ url, close, requests }`.
 */
export function startServer({ root, port = 0, host = '127.0.0.1', prefix = '/', headers = {}, routes = {}, gzip = false }) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const send = (status, body, type, extra = {}) => {
      const compress = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      const out = compress ? gzipSync(body) : body;
      const encoding = compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {};
      // Content-hashed files are cached for good, as the README asks of hosts; the rest is checked each time.
      const cache = HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache, ...encoding, ...headers, ...extra });
      res.end(out);
    };
    if (routes[path]) {
      const route = routes[path];
      if (route.hang) return; // never answers: for time-out tests
      return send(route.status || 200, route.body, route.type || MIME['.html'], route.headers);
    }
    if (!path.startsWith(prefix)) return send(404, 'not found', 'text/plain');
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base)) return send(403, 'forbidden', 'text/plain');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(200, await readFile(file), MIME[extname(file)] || 'application/octet-stream');
    } catch {
      send(404, 'not found', 'text/plain');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}${prefix}`;
      const close = () => new Promise((done) => {
        server.closeAllConnections?.();
        server.close(done);
      });
      ok({ url, requests, close });
    });
  });
}
