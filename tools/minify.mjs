// JavaScript minified with terser, the one way every script of the build is
// minified (tools/post-build.mjs: the loader and the glue; tools/module-build.mjs:
// the content reader's glue).
import { minify } from 'terser';

/** Minified JavaScript; `module` for an ES module (a glue), else a classic script. */
export async function minified(code, module) {
  const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string') throw new Error('minify: terser returned no code');
  return out.code;
}
