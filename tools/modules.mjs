// The build's facts, each written once: the WebAssembly modules (MODULES),
// the loader's file name (LOADER_FILE) and the tools' versions (VERSIONS).
//
// Trunk builds every module, each from its own `<link data-trunk rel="rust">`
// in index.html: cargo (release, wasm32) on the pinned nightly that `make
// build` gives Trunk, then wasm-bindgen and wasm-opt. Those links are the
// table written out for Trunk (`links()`; tools/modules.test.mjs fails when
// index.html differs). Then tools/post-build.mjs gives each module's Trunk
// output its files in dist/ (`files`).
//
//   node tools/modules.mjs    prints the links index.html must carry
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const source = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** One line `NAME=value` of tools/install.sh, which installs the tools and is their versions' home. */
function installed(name) {
  const value = source('tools/install.sh').match(new RegExp(`^${name}=(\\S+)$`, 'm'))?.[1];
  if (!value) throw new Error(`modules: tools/install.sh has no ${name}= line`);
  return value;
}

/** The version of `name` that Cargo.lock locks (Cargo.toml pins wasm-bindgen with `=`). */
function locked(name) {
  const value = source('Cargo.lock').match(new RegExp(`\\[\\[package\\]\\]\\nname = "${name}"\\nversion = "([^"]+)"`))?.[1];
  if (!value) throw new Error(`modules: Cargo.lock has no ${name}`);
  return value;
}

/** A content hash in a file name: `name-<16 hex>.ext`, `name-<16 hex>_bg.wasm` (Trunk's, the modules', the side modules'): such a file is cached for good. */
export const HASHED = /-[0-9a-f]{16,}(?:_bg)?\.[a-z0-9]+$/;

/**
 * The tools' versions, each read from its one home: the wasm build's nightly
 * and Trunk from tools/install.sh (the Makefile reads the nightly there too),
 * wasm-bindgen from Cargo.lock (the CLI must match the crate), binaryen
 * (wasm-opt) from package.json. Trunk.toml's `[tools]` must say the same
 * (tools/modules.test.mjs).
 */
export const VERSIONS = {
  nightly: installed('WASM_TOOLCHAIN'),
  trunk: installed('TRUNK_VERSION'),
  wasmBindgen: locked('wasm-bindgen'),
  binaryen: JSON.parse(source('package.json')).devDependencies.binaryen.split('.')[0],
};

/**
 * The loader's file name, the only file a host page references: `LOADER_FILE`
 * of src/api.rs, which the Custom Elements Manifest publishes.
 */
export const LOADER_FILE = (() => {
  const name = source('src/api.rs').match(/pub const LOADER_FILE: &str = "([^"]+)";/)?.[1];
  if (!name) throw new Error('modules: src/api.rs has no LOADER_FILE');
  return name;
})();

/** wasm-opt's options for the widget and the reader: 2.7 KiB less gzip than plain -Oz (docs/TOOLCHAIN.md). */
const CONVERGE = '--converge -ocimfs 0';

/**
 * Each WebAssembly module: its crate (`crate`, at `manifest`; `artifact`:
 * the library among the crate's binaries, when it has some), Trunk's
 * `data-type` (`main` for the widget, whose glue Trunk names with a hash;
 * `worker` for the others, which Trunk leaves unhashed and post-build renames),
 * the wasm-bindgen target, wasm-opt's level and options, and its files in dist/.
 * `toolchain`: the one `make build` gives Trunk (docs/TOOLCHAIN.md); all build
 * on the pinned nightly, in Trunk's one run.
 *
 * - main: the widget, loaded by the loader on every page.
 * - reader: the content reader, an ES module (no global) the loader imports
 *   only for a widget with a content file (content-src or setContent).
 * - checker: check.html's engine, a classic script (global `wasm_bindgen`)
 *   with the module's bytes inside, so check.html works from disk (file://).
 */
export const MODULES = {
  main: {
    crate: 'treatment-guide', manifest: 'Cargo.toml', artifact: 'treatment_guide', toolchain: VERSIONS.nightly, type: 'main', bindgen: 'web', opt: 'z', params: CONVERGE,
    files: { glue: /^treatment-guide-[0-9a-f]+\.js$/, wasm: /^treatment-guide-[0-9a-f]+_bg\.wasm$/ },
  },
  reader: {
    crate: 'tg-reader', manifest: 'crates/reader/Cargo.toml', toolchain: VERSIONS.nightly, type: 'worker', bindgen: 'web', opt: 'z', params: CONVERGE,
    files: { glue: /^content-reader-[0-9a-f]{16}\.js$/, wasm: /^content-reader-[0-9a-f]{16}\.wasm$/ },
  },
  checker: {
    crate: 'tg-checker', manifest: 'crates/checker/Cargo.toml', toolchain: VERSIONS.nightly, type: 'worker', bindgen: 'no-modules', opt: 'z', params: '',
    files: { engine: /^check-engine-[0-9a-f]{16}\.js$/ },
  },
};

/** Trunk's output for a `worker` module in the staging folder: `<crate>.js` and `<crate>_bg.wasm`. */
export function trunkFiles(module) {
  return { glue: `${MODULES[module].crate}.js`, wasm: `${MODULES[module].crate}_bg.wasm` };
}

/** The `<link data-trunk rel="rust">` of each module, as index.html carries them (in MODULES' order). */
export function links() {
  return Object.values(MODULES).map(({ manifest, artifact, type, bindgen, opt, params }) => {
    const href = manifest === 'Cargo.toml' ? '' : ` href="${manifest}"`;
    const name = artifact ? ` data-target-name="${artifact}"` : '';
    const extra = params ? ` data-wasm-opt-params="${params}"` : '';
    return `<link data-trunk rel="rust"${href}${name} data-bindgen-target="${bindgen}" data-wasm-opt="${opt}"${extra} data-type="${type}">`;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const link of links()) console.log(link);
}
