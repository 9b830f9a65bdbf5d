// The widget's version, written once: `version` in the [workspace.package]
// table of the root Cargo.toml, read through `cargo metadata`.
//   node tools/version.mjs   →   0.2.0
// The loader (tools/post-build.mjs), the npm package and the release archive
// (tools/release.mjs) take it from here; the Rust UI from CARGO_PKG_VERSION.
// The content version (content/meta.toml) is the medical text's, not this.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CARGO_TOML = fileURLToPath(new URL('../Cargo.toml', import.meta.url));

/** The version of the package whose manifest is `file` (the root Cargo.toml), as cargo reads it. */
export function version(file = CARGO_TOML) {
  const out = execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline', '--manifest-path', file], {
    encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const found = JSON.parse(out).packages.find((p) => p.manifest_path === resolve(file));
  if (!found) throw new Error(`version: ${file} declares no package`);
  return found.version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(version());
}
