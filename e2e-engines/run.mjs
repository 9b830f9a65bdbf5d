// Runs the reader tests (reader.mjs) in Chromium, Firefox and WebKit, one
// engine after the other, against the built dist/. Prints one line per test and, per
// engine, "<engine>: N passed, N failed". ENGINES=webkit (comma-separated;
// chromium, firefox, webkit) picks engines; exits non-zero when any test fails.
import { ENGINES, startEngine } from './engines.mjs';
import { startSite, tests } from './reader.mjs';

const chosen = (process.env.ENGINES || ENGINES.join(',')).split(',').filter(Boolean);
const site = await startSite();
const totals = [];
for (const name of chosen) {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  let engine;
  try {
    engine = await startEngine(name);
    console.log(`# ${name}: ${engine.version}`);
    for (const [title, run] of tests) {
      try {
        engine.consoleErrors(); // each test counts its own
        await run({ engine, site });
        passed += 1;
        console.log(`ok - ${name}: ${title}`);
      } catch (error) {
        failed += 1;
        console.log(`not ok - ${name}: ${title}\n  ${String(error.stack || error).split('\n').join('\n  ')}`);
      }
    }
  } catch (error) {
    failed += tests.length - passed - failed;
    console.log(`not ok - ${name}: the browser could not be started\n  ${String(error.message || error).split('\n').join('\n  ')}`);
  } finally {
    await engine?.quit().catch(() => {});
  }
  totals.push({ name, passed, failed, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}
await site.server.close();
for (const { name, seconds } of totals) console.log(`# ${name}: ${seconds} s`);
for (const { name, passed, failed } of totals) console.log(`${name}: ${passed} passed, ${failed} failed`);
process.exit(totals.every((t) => t.failed === 0) ? 0 : 1);
