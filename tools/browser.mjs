// Debian's Chromium through playwright-core, as the end-to-end tests and the
// tools that take pictures start it.
import { chromium } from 'playwright-core';

/** Chromium flags for this closed network (no background connections). */
export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** A headless Chromium (CHROME_BIN, else /usr/bin/chromium) with ARGS. */
export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_BIN || '/usr/bin/chromium', args: ARGS, headless: true });
}
