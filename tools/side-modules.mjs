// The loader's side modules, each a file of its own under its content hash,
// `<name>-<16 hex of its hash>.js` (cached for good), written in Trunk's
// post-build step (tools/post-build.mjs):
// - the read-aloud module (src/listen.js), which the loader imports when the
//   page is idle after a Listen control first appears;
// - the warm-up worker (src/warm.js), which the loader starts in Chromium when
//   the widget's code downloads (src/loader/warm.js);
// - the contrast lint (src/loader/contrast.js, bundled by post-build.mjs),
//   which the loader imports only where it is wanted; writeHashed and
//   hashedFile serve it too.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minified } from './minify.mjs';

/** The read-aloud module's source. */
export const LISTEN_SOURCE = new URL('../src/listen.js', import.meta.url);
/** Its file in a built folder. */
export const LISTEN_FILE = /^listen-[0-9a-f]{16}\.js$/;
/** The warm-up worker's source. */
export const WARM_SOURCE = new URL('../src/warm.js', import.meta.url);
/** Its file in a built folder. */
export const WARM_FILE = /^warm-[0-9a-f]{16}\.js$/;

/** Writes `code` into `dir` as `<prefix>-<hash>.js`, replacing an older one (matching `pattern`); returns its name. */
export function writeHashed(dir, code, prefix, pattern) {
  for (const old of readdirSync(dir).filter((f) => pattern.test(f))) rmSync(join(dir, old));
  const name = `${prefix}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  return name;
}

/** The one file matching `pattern` in a built folder (`what` names it in the error when there is not one). */
export function hashedFile(dir, pattern, what) {
  const files = readdirSync(dir).filter((f) => pattern.test(f));
  if (files.length !== 1) throw new Error(`side-modules: expected one ${what} in ${dir}, found: ${files.join(', ') || 'none'}`);
  return files[0];
}

/** Writes the read-aloud module, minified, into `dir`; returns its file name. */
export const writeListen = async (dir) => writeHashed(dir, await minified(readFileSync(LISTEN_SOURCE, 'utf8'), true), 'listen', LISTEN_FILE);
/** Writes the warm-up worker, minified, into `dir`; returns its file name. */
export const writeWarm = async (dir) => writeHashed(dir, await minified(readFileSync(WARM_SOURCE, 'utf8'), true), 'warm', WARM_FILE);
/** The read-aloud module's file in a built folder (one). */
export const listenFile = (dir) => hashedFile(dir, LISTEN_FILE, 'listen-<hash>.js');
/** The warm-up worker's file in a built folder (one). */
export const warmFile = (dir) => hashedFile(dir, WARM_FILE, 'warm-<hash>.js');
