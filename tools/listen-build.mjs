// The loader's side modules, each a source file of its own, minified by terser
// and written as `<name>-<16 hex of its hash>.js` (content-hashed, cached for
// good), in Trunk's post-build step (tools/post-build.mjs):
// - the read-aloud module (src/listen.js), which the loader imports when the
//   page is idle after a Listen control first appears;
// - the warm-up worker (src/warm.js), which the loader starts in Chromium when
//   the widget's code downloads (src/loader/warm.js).
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

/** Writes `source` minified into `dir` as `<prefix>-<hash>.js` (replacing an older one matching `pattern`); returns its name. */
async function writeSide(dir, source, prefix, pattern) {
  for (const old of readdirSync(dir).filter((f) => pattern.test(f))) rmSync(join(dir, old));
  const code = await minified(readFileSync(source, 'utf8'), true);
  const name = `${prefix}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  return name;
}

/** The one file matching `pattern` in a built folder. */
function sideFile(dir, pattern, what) {
  const files = readdirSync(dir).filter((f) => pattern.test(f));
  if (files.length !== 1) throw new Error(`listen-build: expected one ${what} in ${dir}, found: ${files.join(', ') || 'none'}`);
  return files[0];
}

/** Writes the read-aloud module into `dir`; returns its file name. */
export const writeListen = (dir) => writeSide(dir, LISTEN_SOURCE, 'listen', LISTEN_FILE);
/** Writes the warm-up worker into `dir`; returns its file name. */
export const writeWarm = (dir) => writeSide(dir, WARM_SOURCE, 'warm', WARM_FILE);
/** The read-aloud module's file in a built folder (one). */
export const listenFile = (dir) => sideFile(dir, LISTEN_FILE, 'listen-<hash>.js');
/** The warm-up worker's file in a built folder (one). */
export const warmFile = (dir) => sideFile(dir, WARM_FILE, 'warm-<hash>.js');
