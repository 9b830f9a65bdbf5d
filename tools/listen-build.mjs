// The read-aloud module (src/listen.js), which the loader imports when the
// page is idle after a Listen control first appears: minified by terser and written as
// `listen-<16 hex of its hash>.js` (content-hashed, cached for good), in
// Trunk's post-build step (tools/post-build.mjs).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minified } from './minify.mjs';

/** The module's source. */
export const LISTEN_SOURCE = new URL('../src/listen.js', import.meta.url);
/** Its file in a built folder. */
export const LISTEN_FILE = /^listen-[0-9a-f]{16}\.js$/;

/** Writes the module into `dir` (replacing an older one); returns its file name. */
export async function writeListen(dir) {
  for (const old of readdirSync(dir).filter((f) => LISTEN_FILE.test(f))) rmSync(join(dir, old));
  const code = await minified(readFileSync(LISTEN_SOURCE, 'utf8'), true);
  const name = `listen-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  return name;
}

/** The module's file in a built folder (one). */
export function listenFile(dir) {
  const files = readdirSync(dir).filter((f) => LISTEN_FILE.test(f));
  if (files.length !== 1) throw new Error(`listen-build: expected one listen-<hash>.js in ${dir}, found: ${files.join(', ') || 'none'}`);
  return files[0];
}
