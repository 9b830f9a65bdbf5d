// Zip files for the release (tools/release.mjs) and the WordPress plugin
// (tools/wordpress-plugin.mjs), written and read by fflate, so no zip tool is needed.
import { unzipSync, zipSync } from 'fflate';

/** Every file of the archive: made on Unix, a regular file, rw-r--r--. */
const ZIP_ATTRIBUTES = { os: 3, attrs: (0o100644 << 16) >>> 0 };

/**
 * A zip file (as a Buffer) of `entries` [{ name, data }], written by fflate:
 * deflated, UTF-8 names, Unix permissions 0644, all dated `mtime`.
 */
export function zip(entries, mtime = new Date()) {
  const files = {};
  for (const { name, data } of entries) {
    if (name in files) throw new Error(`release: ${name} is twice in the archive`);
    files[name] = [new Uint8Array(data), { ...ZIP_ATTRIBUTES, mtime }];
  }
  return Buffer.from(zipSync(files, { level: 9 }));
}

/** The entries [{ name, data }] of a zip file's bytes, read by fflate. */
export function unzip(bytes) {
  return Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}
