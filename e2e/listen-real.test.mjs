// End-to-end, one real utterance: Chromium with Debian's speech-dispatcher
// and espeak-ng (local voices), the sound going to ALSA's null device. The
// Listen button shows for the device's voices, a press reads with a local
// English voice, and the engine starts speaking. Skipped, with the reason,
// where the machine has no such engine (`apt-get install speech-dispatcher
// speech-dispatcher-espeak-ng` gives it one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serveDist } from './helpers.mjs';

const NEEDED = ['/usr/bin/speech-dispatcher', '/usr/bin/espeak-ng', '/usr/lib/speech-dispatcher-modules/sd_espeak-ng'];
const missing = NEEDED.filter((file) => !existsSync(file));
const skip = missing.length ? `no local speech engine here (missing ${missing.join(', ')}); install speech-dispatcher-espeak-ng to run it` : false;

/** A speech-dispatcher of its own for this test: espeak-ng, sound to ALSA's null device. */
function speechHome() {
  const home = mkdtempSync(join(tmpdir(), 'tg-speech-'));
  mkdirSync(join(home, 'config', 'speech-dispatcher'), { recursive: true });
  mkdirSync(join(home, 'run'), { mode: 0o700 });
  writeFileSync(join(home, 'config', 'speech-dispatcher', 'speechd.conf'),
    'AudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n');
  writeFileSync(join(home, 'asound.conf'), 'pcm.!default { type null }\n');
  return {
    home,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_RUNTIME_DIR: join(home, 'run'),
      ALSA_CONFIG_PATH: join(home, 'asound.conf'),
    },
  };
}

/** Records each utterance the page speaks and its events, leaving the real engine in place. */
function recordSpeech() {
  const record = { spoken: [] };
  window.__real = record;
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance) => {
    const entry = { text: utterance.text, voice: utterance.voice && utterance.voice.name, local: utterance.voice && utterance.voice.localService, events: [] };
    record.spoken.push(entry);
    for (const type of ['start', 'end', 'error']) utterance.addEventListener(type, (e) => entry.events.push(e.error ? `${type}:${e.error}` : type));
    speak(utterance);
  };
}

test('one real utterance: Chromium with speech-dispatcher and espeak-ng', { skip, timeout: 60_000 }, async () => {
  const speech = speechHome();
  const server = await serveDist({ prefix: '/tg/' });
  const browser = await launch(['--enable-speech-dispatcher'], { env: speech.env });
  try {
    const page = await browser.newPage();
    await page.addInitScript(recordSpeech);
    await page.goto(`${server.url}index.html#tg-chemotherapy`);
    const listen = page.locator('treatment-guide [data-tg-section="chemotherapy"]').getByRole('button', { name: 'Listen to Chemotherapy' });
    await listen.waitFor({ timeout: 20_000 });
    const voices = await page.evaluate(() => {
      const all = speechSynthesis.getVoices();
      return { count: all.length, local: all.filter((v) => v.localService).length, english: all.filter((v) => v.localService && /^en/.test(v.lang)).length };
    });
    await listen.click();
    await page.waitForFunction(() => window.__real.spoken.some((s) => s.events.includes('start')), null, { timeout: 20_000 });
    const first = await page.evaluate(() => window.__real.spoken[0]);
    console.log(`# real engine: ${voices.count} voices, ${voices.local} local, ${voices.english} local English; read "${first.text}" with "${first.voice}": ${first.events.join(', ')}`);
    assert.equal(first.text, 'Chemotherapy');
    assert.equal(first.local, true);
    assert.ok(first.events.includes('start'));
  } finally {
    await browser.close();
    await server.close();
    rmSync(speech.home, { recursive: true, force: true });
  }
});
