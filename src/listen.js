/*! treatment-guide read-aloud module: imported by the loader on the first press of a Listen button. */
// The page's one speaker. It reads a section or a drug card aloud with one
// of the device's own voices (speechSynthesis; the widget picks the voice,
// and only a local one: crates/ui/src/listen.rs), one sentence per
// utterance, and highlights the sentence being read and, where the engine
// reports word boundaries, the word. Nothing is sent anywhere. A new
// reading, on any widget of the page, stops the one before.

/** Dispatched on a Listen control when what is done for it changes; `detail`: `{ state, slower }` (crates/ui/src/speech.rs). */
export const STATE_EVENT = 'tg-listen';
/** The custom highlights of the sentence and the word being read (`::highlight()` in styles/widget.css). */
export const SENTENCE = 'tg-listen-sentence';
export const WORD = 'tg-listen-word';
/** Where a browser has no CSS Custom Highlight API: this attribute marks the paragraph being read. */
export const READING = 'data-tg-reading';
/** Text that is never read: the read-aloud controls, help bubbles, a card's Close button, anything hidden. */
const SKIP = '.tg-listen,.tg-tip-live,.tg-close,[hidden],[aria-hidden="true"]';
/** The blocks a reader sees, each read as its own sentences. */
const BLOCK = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd';
/** Speech rates: normal, and slower (the reader's choice, kept for the page's lifetime). */
const RATE = { normal: 1, slower: 0.75 };

/** The reading under way: { root, control, voice, sentences, at, paused, utterance }, or null. */
let current = null;
/** The reader's speed choice: slower or not. */
let slowly = false;
/** Counts utterances, so that events of a cancelled one are ignored. */
let generation = 0;
/** The block the fallback marks. */
let marked = null;

const synth = () => window.speechSynthesis;

/**
 * The `[start, end)` spans of the sentences of `text`, without their
 * surrounding spaces: the browser's sentence breaker where there is one,
 * else a break after `.`, `!`, `?` or `…` followed by a space.
 */
export function split(text, lang) {
  const spans = [];
  const add = (start, end) => {
    while (start < end && /\s/.test(text[start])) start++;
    // A closing quote or bracket cut off its sentence (French « … ? » has a space before ») goes back to it.
    while (spans.length && start < end && /[»”’)\]]/.test(text[start])) spans[spans.length - 1][1] = ++start;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push([start, end]);
  };
  if (typeof Intl === 'object' && Intl.Segmenter) {
    for (const s of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) add(s.index, s.index + s.segment.length);
  } else {
    const end = /[.!?…]+["”»)]*(?=\s)/g;
    let start = 0;
    for (let m; (m = end.exec(text));) {
      add(start, m.index + m[0].length);
      start = m.index + m[0].length;
    }
    add(start, text.length);
  }
  return spans;
}

/**
 * The sentences of `root` in reading order, as a reader sees them: the
 * heading, then each paragraph, bullet or card line. Each holds its text,
 * its block, and where its text lies in the block's text nodes.
 */
export function sentences(root, lang) {
  const blocks = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let last = null;
  for (let node; (node = walker.nextNode());) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP)) continue;
    const element = parent.closest(BLOCK) || root;
    if (!last || last.element !== element) {
      last = blocks.find((b) => b.element === element);
      if (!last) blocks.push(last = { element, text: '', pieces: [] });
    }
    last.pieces.push({ node, start: last.text.length });
    last.text += node.data;
  }
  return blocks.flatMap((block) => split(block.text, lang)
    .map(([start, end]) => ({ block, start, end, text: block.text.slice(start, end) })));
}

/** The text node and offset of the `at`-th character of a block's text. */
function point(block, at) {
  let piece = block.pieces[0];
  for (const p of block.pieces) if (p.start <= at) piece = p;
  return [piece.node, Math.min(at - piece.start, piece.node.length)];
}

/** A range over characters `[from, to)` of a sentence's block. */
function range(sentence, from, to) {
  const r = document.createRange();
  r.setStart(...point(sentence.block, from));
  r.setEnd(...point(sentence.block, to));
  return r;
}

/** Sets (or with no range, clears) a custom highlight; false where the browser has none. */
function highlight(name, r) {
  const registry = window.CSS && CSS.highlights;
  if (!registry || typeof Highlight !== 'function') return false;
  if (r) registry.set(name, new Highlight(r));
  else registry.delete(name);
  return true;
}

/** Shows `sentence` as the one being read (null: nothing is). */
function show(sentence) {
  highlight(WORD, null);
  if (highlight(SENTENCE, sentence && range(sentence, sentence.start, sentence.end))) return;
  if (marked) marked.removeAttribute(READING);
  marked = sentence && sentence.block.element;
  if (marked) marked.setAttribute(READING, '');
}

/** Tells a control what is done for it. */
function tell(control, state) {
  control.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: { state, slower: slowly } }));
}

/** Speaks the current sentence, then the next ones. */
function speak() {
  const reading = current;
  const sentence = reading && reading.sentences[reading.at];
  if (!sentence) return finish(reading);
  const id = ++generation;
  const live = () => id === generation && reading === current;
  const utterance = new SpeechSynthesisUtterance(sentence.text);
  utterance.voice = reading.voice;
  utterance.lang = reading.voice.lang;
  utterance.rate = slowly ? RATE.slower : RATE.normal;
  utterance.onstart = () => { if (live()) show(sentence); };
  utterance.onboundary = (event) => {
    if (!live() || event.name === 'sentence') return;
    const from = sentence.start + event.charIndex;
    const length = event.charLength || (/^\S*/.exec(sentence.text.slice(event.charIndex))[0].length);
    if (length) highlight(WORD, range(sentence, from, Math.min(from + length, sentence.end)));
  };
  utterance.onend = () => {
    if (!live()) return;
    reading.at += 1;
    speak();
  };
  utterance.onerror = (event) => {
    if (live() && event.error !== 'interrupted' && event.error !== 'canceled') finish(reading);
  };
  // Held until it ends: Chromium may otherwise collect it and never fire its events.
  reading.utterance = utterance;
  synth().speak(utterance);
}

/** The reading ends (read to the end, stopped, or replaced). */
function finish(reading) {
  if (!reading || reading !== current) return;
  current = null;
  generation += 1;
  show(null);
  tell(reading.control, 'idle');
}

/**
 * Reads `root` aloud with the local voice whose `voiceURI` is `uri`, for the
 * Listen control `control`; whatever was being read on the page stops.
 */
export function start(root, control, uri, lang) {
  stop(null);
  const voice = synth().getVoices().find((v) => v.voiceURI === uri && v.localService);
  if (!voice) return tell(control, 'idle');
  current = { root, control, voice, sentences: sentences(root, lang), at: 0, paused: false };
  synth().cancel();
  // An engine left paused would hold the new reading.
  synth().resume();
  tell(control, 'speaking');
  speak();
}

/** Pauses the reading of `control`. */
export function pause(control) {
  if (!current || current.control !== control) return;
  current.paused = true;
  synth().pause();
  tell(control, 'paused');
}

/** Resumes the reading of `control` (the sentence again, where pausing stopped the engine instead). */
export function resume(control) {
  if (!current || current.control !== control) return;
  current.paused = false;
  tell(control, 'speaking');
  // Some engines (Chrome on Android) stop instead of pausing: the sentence is then read again.
  const waiting = synth().speaking;
  synth().resume();
  if (!waiting) speak();
}

/** Stops the reading of `control`; with null, whatever is being read. */
export function stop(control) {
  if (!current || (control && current.control !== control)) return;
  const reading = current;
  finish(reading);
  synth().cancel();
}

/** The slower speed (`on`) or the normal one, from the next sentence on (the sentence being read starts again). */
export function slower(on) {
  slowly = !!on;
  if (!current) return;
  tell(current.control, current.paused ? 'paused' : 'speaking');
  generation += 1;
  synth().cancel();
  if (!current.paused) speak();
}

if (typeof window === 'object') window.addEventListener('pagehide', () => stop(null));
