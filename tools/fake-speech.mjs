// A recording stand-in for the browser's speech engine (speechSynthesis and
// SpeechSynthesisUtterance), for the read-aloud tests and the bench: injected
// with `context.addInitScript(fakeSpeech, options)` before the page loads.
//
// Like Chromium, it lists no voice until its first getVoices() call has
// "loaded" them (`voicesMs` later), then fires `voiceschanged`. Each utterance fires `start`, a
// word `boundary` per word (charIndex, charLength) and `end`. With
// `hold: true` nothing happens by itself: `window.__speech.step()` fires the
// next event, so a test can stop at any boundary. Everything the page asks
// is recorded in `window.__speech`: `calls` (speak, pause, resume, cancel,
// with the time), `spoken` (text, voiceURI, lang, rate of each utterance).

/** One voice on the device and one network voice (the default), per language. */
export const VOICES = {
  en: [
    { voiceURI: 'Google US English', name: 'Google US English', lang: 'en-US', localService: false, default: true },
    { voiceURI: 'device-en-GB', name: 'Device English (UK)', lang: 'en-GB', localService: true, default: false },
  ],
  fr: [
    { voiceURI: 'Google français', name: 'Google français', lang: 'fr-FR', localService: false, default: false },
    { voiceURI: 'device-fr-CA', name: 'Appareil français (Canada)', lang: 'fr-CA', localService: true, default: false },
  ],
};

/**
 * The init script (runs in the page): `voices` listed (`voicesMs` after the
 * first getVoices() call), `hold` for step-by-step, `wordMs` between events otherwise.
 */
export function fakeSpeech({ voices, hold = false, wordMs = 2, voicesMs = 30 }) {
  const record = { calls: [], spoken: [], voices, loaded: false, loading: false };
  window.__speech = record;
  const engine = new EventTarget();
  let queue = [];
  let current = null;
  let events = [];
  let paused = false;
  let timer = null;

  class Utterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
    }
  }
  const fire = (utterance, type, extra = {}) => {
    const event = Object.assign(new Event(type), { utterance, charIndex: 0, charLength: 0, name: '', elapsedTime: 0 }, extra);
    if (typeof utterance[`on${type}`] === 'function') utterance[`on${type}`](event);
    utterance.dispatchEvent(event);
  };
  /** The events of an utterance, in order: start, a boundary per word, end. */
  const plan = (utterance) => {
    const list = [() => fire(utterance, 'start')];
    for (const word of utterance.text.matchAll(/\S+/g)) {
      list.push(() => fire(utterance, 'boundary', { name: 'word', charIndex: word.index, charLength: word[0].length }));
    }
    list.push(() => {
      current = null;
      fire(utterance, 'end');
      begin();
    });
    return list;
  };
  const begin = () => {
    if (current || !queue.length) return;
    current = queue.shift();
    events = plan(current);
    run();
  };
  const run = () => {
    if (hold || paused || timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (paused) return;
      step();
      run();
    }, wordMs);
  };
  const step = () => {
    const next = events.shift();
    if (next) next();
    return events.length + queue.length;
  };
  const call = (name) => record.calls.push({ name, at: performance.now() });

  Object.assign(engine, {
    getVoices() {
      if (!record.loaded && !record.loading) {
        record.loading = true;
        setTimeout(() => {
          record.loaded = true;
          engine.dispatchEvent(new Event('voiceschanged'));
        }, voicesMs);
      }
      return record.loaded ? voices.map((v) => ({ ...v })) : [];
    },
    speak(utterance) {
      call('speak');
      record.spoken.push({ text: utterance.text, voice: utterance.voice ? utterance.voice.voiceURI : null, lang: utterance.lang, rate: utterance.rate });
      queue.push(utterance);
      begin();
    },
    pause() { call('pause'); paused = true; },
    resume() {
      call('resume');
      if (!paused) return;
      paused = false;
      run();
    },
    cancel() {
      call('cancel');
      const stopped = current;
      queue = [];
      current = null;
      events = [];
      clearTimeout(timer);
      timer = null;
      if (stopped) fire(stopped, 'error', { error: 'canceled' });
    },
  });
  Object.defineProperties(engine, {
    speaking: { get: () => !!current },
    paused: { get: () => paused },
    pending: { get: () => queue.length > 0 },
  });
  record.step = step;
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
}
