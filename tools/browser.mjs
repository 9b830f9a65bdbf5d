// Debian's Chromium through playwright-core, as the end-to-end tests and the
// tools that take pictures start it.
import { chromium } from 'playwright-core';

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

/** A headless Chromium (CHROME_BIN, else /usr/bin/chromium) with ARGS. */
export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_BIN || '/usr/bin/chromium', args: ARGS, headless: true });
}
