// The scripts' folders (tools/, e2e/, e2e-engines/) import one another in one
// direction only, as the crates' modules do (crates/loops): no file, and no
// folder, reaches itself through its relative imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['tools', 'e2e', 'e2e-engines'];
/** A relative module specifier, static (`from './a.mjs'`) or dynamic (`import('./a.mjs')`). */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The files each script (a path from the repository root) imports, as paths from the root. */
export function scriptImports(root = ROOT, folders = FOLDERS) {
  const graph = new Map();
  for (const folder of folders) {
    for (const name of readdirSync(join(root, folder)).filter((f) => /\.m?js$/.test(f))) {
      const file = `${folder}/${name}`;
      const text = readFileSync(join(root, file), 'utf8');
      const targets = [...text.matchAll(IMPORT)].map((m) => relative(root, resolve(root, dirname(file), m[1])));
      graph.set(file, new Set(targets));
    }
  }
  return graph;
}

/** The nodes of `graph` (Map of node to Set of nodes) that reach themselves. */
export function circles(graph) {
  const reach = (from) => {
    const seen = new Set();
    const todo = [from];
    while (todo.length) {
      for (const next of graph.get(todo.pop()) || []) {
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
      }
    }
    return seen;
  };
  return [...graph.keys()].filter((node) => reach(node).has(node));
}

/** The graph of folders: one folder imports another when one of its files does. */
function folders(graph) {
  const out = new Map();
  for (const [file, targets] of graph) {
    const from = file.split('/')[0];
    if (!out.has(from)) out.set(from, new Set());
    for (const target of targets) if (target.split('/')[0] !== from) out.get(from).add(target.split('/')[0]);
  }
  return out;
}

test('no script and no folder of scripts imports itself back', () => {
  const graph = scriptImports();
  assert.ok(graph.get('e2e/helpers.mjs')?.has('tools/static-server.mjs'), 'the imports were read');
  assert.deepEqual(circles(graph), [], 'files in an import circle');
  const byFolder = folders(graph);
  assert.deepEqual(circles(byFolder), [], `folders in an import circle: ${JSON.stringify([...byFolder].map(([k, v]) => [k, [...v]]))}`);
});

test('a circle through two folders is seen', () => {
  const graph = new Map([
    ['tools/shots.mjs', new Set(['e2e/helpers.mjs'])],
    ['e2e/helpers.mjs', new Set(['tools/server.mjs'])],
    ['tools/server.mjs', new Set()],
  ]);
  assert.deepEqual(circles(graph), []);
  assert.deepEqual(circles(folders(graph)).sort(), ['e2e', 'tools']);
});
