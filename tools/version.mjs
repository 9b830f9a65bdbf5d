// The widget's version, written in one place: `version` in the [package]
// table of the root Cargo.toml (or, once the package inherits it,
// `version.workspace = true` and the [workspace.package] table).
//   node tools/version.mjs   →   0.2.0
// The loader (tools/post-build.mjs), the npm package and the release archive
// (tools/release.mjs) take it from here; the Rust UI from CARGO_PKG_VERSION.
// The content version (content/meta.toml) is the medical text's, not this.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CARGO_TOML = fileURLToPath(new URL('../Cargo.toml', import.meta.url));

/** The key/value lines of one `[table]` of a TOML text, as a map of strings (enough for Cargo.toml). */
function table(toml, name) {
  const values = new Map();
  let inside = false;
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const header = line.match(/^\[\s*([^\]]+?)\s*\]$/);
    if (header) {
      inside = header[1] === name;
      continue;
    }
    const pair = inside && line.match(/^([A-Za-z0-9_.-]+)\s*=\s*(.+)$/);
    if (pair) values.set(pair[1], pair[2].trim());
  }
  return values;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;

/** The package version from the text of a Cargo.toml. Throws if there is none or it is not semver. */
export function versionOf(toml) {
  const pkg = table(toml, 'package');
  let value = pkg.get('version');
  if (pkg.get('version.workspace') === 'true' || value?.replace(/\s/g, '') === '{workspace=true}') {
    value = table(toml, 'workspace.package').get('version');
  }
  const version = value?.match(/^"([^"]*)"$/)?.[1];
  if (!version || !SEMVER.test(version)) {
    throw new Error(`version: no semver version in the [package] table of Cargo.toml (found ${value ?? 'none'})`);
  }
  return version;
}

/** The widget's version, from the root Cargo.toml. */
export function version(file = CARGO_TOML) {
  return versionOf(readFileSync(file, 'utf8'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(version());
}
