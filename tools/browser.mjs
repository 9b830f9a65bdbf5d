// Debian's Chromium and its flags, written once: through playwright-core, as the
// end-to-end tests, the benchmarks and the tools that take pictures start it;
// the engines' run (e2e-engines/) and Lighthouse take CHROME and ARGS.
import { chromium } from 'playwright-core';

/** Debian's Chromium (CHROME_BIN, else /usr/bin/chromium). */
export const CHROME = process.env.CHROME_BIN || '/usr/bin/chromium';

/** Chromium flags for this closed network (no background connections). */
export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** The phone profile's network: 1.6 Mbit/s down, 0.75 Mbit/s up, 150 ms latency (CDP Network.emulateNetworkConditions). */
export const PHONE_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

/** The phone profile's window: a 412 × 823 touch screen. */
export const PHONE_VIEWPORT = { width: 412, height: 823 };

/**
 * Puts `page` of `context` (before it opens anything) on the phone profile:
 * the CPU 4× slower, a 1.6 Mbit/s down, 0.75 Mbit/s up network with 150 ms
 * latency, and no HTTP cache, as a first visit on a mid-range phone.
 */
export async function phoneProfile(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** A headless CHROME with ARGS, then `extra` flags; `options` go to playwright's launch (`env`, for one). */
export async function launch(extra = [], options = {}) {
  return chromium.launch({ executablePath: CHROME, args: [...ARGS, ...extra], headless: true, ...options });
}

/** A headless CHROME with ARGS whose profile (and so its HTTP cache and service workers) lives in `dir`: one context. */
export async function launchPersistent(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { executablePath: CHROME, args: ARGS, headless: true, ...options });
}
