// JavaScript minified with terser, the one way every script of the build is
// minified (tools/post-build.mjs: the loader and the glue; tools/module-build.mjs:
// the content reader's glue).
import { minify } from 'terser';

/**
 * The names kept through minifying: a function the browser calls to start a
 * task (a timer, an event, an observer, a promise reaction) is named `…Task`,
 * so that the browser's Long Animation Frames and profiles name the callback
 * each task ran (`mountTask`, `warmedTask`…).
 */
export const TASK = /Task$/;

/** Minified JavaScript; `module` for an ES module (a glue), else a classic script. */
export async function minified(code, module) {
  const out = await minify(code, { module, compress: { passes: 2, keep_fnames: TASK }, mangle: { keep_fnames: TASK }, format: { comments: false } });
  if (typeof out.code !== 'string') throw new Error('minify: terser returned no code');
  return out.code;
}
