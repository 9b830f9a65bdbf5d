// Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver + MiniBrowser under Xvfb), driven through selenium-webdriver.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, Key } from 'selenium-webdriver';
import chrome from 'selenium-webdriver/chrome.js';
import firefox from 'selenium-webdriver/firefox.js';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { ARGS, CHROME } from '../tools/browser.mjs';

/**
 * The engines this folder tests, in the order they run. Chromium runs the full
 * Playwright suite in e2e/ too; here it runs the same checks as the other two,
 * so that what must hold in all three (one download of each file) is seen side by side.
 */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Debian's Chromium and its driver, with the flags every launcher gives it (tools/browser.mjs). */
const CHROMEDRIVER = process.env.CHROMEDRIVER || '/usr/bin/chromedriver';
const CHROMIUM_ARGS = ['--headless=new', ...ARGS];
/** Firefox ESR from Debian. */
const FIREFOX_BIN = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
/** How long a page may take to show what a test waits for. */
export const WAIT_MS = 20000;
/** MiniBrowser's capabilities (the WebKit run of the wasm-bindgen tests names the same file). */
const WEBKIT_CAPABILITIES = JSON.parse(readFileSync(new URL('./webdriver.json', import.meta.url), 'utf8'));
/** Firefox preferences that keep it from reaching out to the network on its own. */
const QUIET_FIREFOX = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};

/** A free TCP port on localhost. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Resolves once `url` answers (a driver that has started listening). */
async function answers(url, ms = WAIT_MS) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > end) throw new Error(`${url} did not answer: ${error.message}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/** Starts Xvfb on a free display (it picks one and writes its number). Resolves to { display, stop }. */
function startXvfb() {
  return new Promise((done, fail) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    let text = '';
    xvfb.once('error', fail);
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) done({ display: `:${text.trim()}`, stop: () => xvfb.kill() });
    });
  });
}

/**
 * Starts one engine. Resolves to `{ name, version, driver, consoleErrors, quit }`;
 * `consoleErrors()` returns, and forgets, the console errors the browser itself
 * reported since the last call (Chromium and Firefox, through WebDriver BiDi), beside what
 * pages record (e2e-engines/recorder.js, the only record in WebKit).
 */
export async function startEngine(name) {
  if (name === 'chromium') {
    const options = new chrome.Options().setChromeBinaryPath(CHROME).addArguments(...CHROMIUM_ARGS).enableBidi();
    const service = new chrome.ServiceBuilder(CHROMEDRIVER).setPort(await freePort());
    const driver = await new Builder().forBrowser('chrome').setChromeOptions(options).setChromeService(service).build();
    return withLog(name, 'Chromium', driver);
  }
  if (name === 'firefox') {
    const options = new firefox.Options().setBinary(FIREFOX_BIN).addArguments('-headless').enableBidi();
    for (const [key, value] of Object.entries(QUIET_FIREFOX)) options.setPreference(key, value);
    const service = new firefox.ServiceBuilder(geckodriver()).setPort(await freePort());
    const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
    return withLog(name, 'Firefox', driver);
  }
  if (name === 'webkit') {
    const xvfb = await startXvfb();
    const port = await freePort();
    const out = [];
    const service = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: xvfb.display },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.stdout.on('data', (chunk) => out.push(String(chunk)));
    service.stderr.on('data', (chunk) => out.push(String(chunk)));
    const stop = () => { service.kill(); xvfb.stop(); };
    try {
      await answers(`http://127.0.0.1:${port}/status`);
      const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(WEBKIT_CAPABILITIES).build();
      const caps = await driver.getCapabilities();
      return {
        name, version: `WebKitGTK ${caps.get('browserVersion')}`, driver,
        // MiniBrowser's console does not reach its driver's output here: the pages' recorder stands in.
        consoleErrors: () => [],
        quit: async () => { try { await driver.quit(); } finally { stop(); } },
      };
    } catch (error) {
      stop();
      throw new Error(`${error.message}\n${out.join('')}`);
    }
  }
  throw new Error(`unknown engine ${name}`);
}

/** An engine whose own console log comes through WebDriver BiDi. */
async function withLog(name, label, driver) {
  const out = [];
  const log = await LogInspector(driver);
  await log.onConsoleEntry((entry) => { if (entry.level === 'error') out.push(`console error: ${entry.text}`); });
  await log.onJavascriptException((entry) => out.push(`uncaught: ${entry.text}`));
  const caps = await driver.getCapabilities();
  return { name, version: `${label} ${caps.get('browserVersion')}`, driver, consoleErrors: () => out.splice(0), quit: () => driver.quit() };
}

/** geckodriver from GECKODRIVER, else cargo's bin folder, else PATH. */
function geckodriver() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  const home = process.env.CARGO_HOME || `${process.env.HOME}/.cargo`;
  return existsSync(`${home}/bin/geckodriver`) ? `${home}/bin/geckodriver` : 'geckodriver';
}

/** Waits until `script` (run in the page, with `args`) returns a truthy value, and returns it. */
export async function waitFor(driver, script, message, ...args) {
  const end = Date.now() + WAIT_MS;
  let last;
  for (;;) {
    last = await driver.executeScript(script, ...args);
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out: ${message}`);
    await driver.sleep(50);
  }
}

/**
 * Focuses an element of the widget's shadow root by script, then types `keys`
 * as a keyboard would. (WebKit refuses a WebDriver click on an element inside
 * a shadow root: "element click intercepted" by the host element.)
 */
export async function focusAndType(driver, selector, keys, index = 0) {
  await driver.executeScript((sel, i) => {
    const root = document.querySelectorAll('treatment-guide')[i].shadowRoot;
    root.querySelector(sel).focus();
  }, selector, index);
  await driver.actions().sendKeys(...keys).perform();
}

export { Key };
