// The one fetcher: a file's text, or why not, within the time and size limits.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import './fake-facts.mjs';

globalThis.__TG_MANIFEST__.fetch = { timeoutMs: 2000, maxBytes: 1000 };
const { fetchText } = await import('./fetch.js');

const server = createServer((req, res) => {
  if (req.url === '/ok') return res.end('{"a": "é"}');
  if (req.url === '/gone') { res.writeHead(404, 'Not Found'); return res.end(); }
  if (req.url === '/declared') { res.writeHead(200, { 'Content-Length': 5000 }); return res.end('x'.repeat(5000)); }
  if (req.url === '/chunked') { res.write('é'.repeat(400)); return res.end('é'.repeat(200)); }
  // '/slow': never answers.
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = (path) => `http://127.0.0.1:${server.address().port}${path}`;
after(() => server.closeAllConnections() || server.close());

const failure = (path) => fetchText(url(path)).then(() => assert.fail('fetched'), (why) => why);

test('a file within the limits is its text', async () => {
  assert.equal(await fetchText(url('/ok')), '{"a": "é"}');
});

test('each way a fetch fails is one kind, with what the message needs', async () => {
  assert.deepEqual(await failure('/gone'), { kind: 'http', status: 404, statusText: 'Not Found' });
  assert.deepEqual(await failure('/declared'), { kind: 'too-large', bytes: 5000 });
  // 600 characters, 1,200 bytes: the limit is in bytes, whatever the server declares.
  assert.deepEqual(await failure('/chunked'), { kind: 'too-large', bytes: 1200 });
  assert.deepEqual(await failure('/slow'), { kind: 'timed-out' });
  assert.deepEqual(await fetchText('http://127.0.0.1:1/none').catch((why) => why), { kind: 'unreachable' });
});
