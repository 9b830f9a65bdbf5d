/*! treatment-guide read-aloud module: imported by the loader when the page is idle after a Listen control first appears. */
// The page's one speaker, and every widget's Listen controls. The widget
// renders each control as markup only, invisible (crates/ui/src/components/listen.rs);
// this module shows the controls when the device has a local voice in the
// guide's language, and reads a section or a drug card aloud with it, one
// sentence per utterance, highlighting the sentence being read and, where
// the engine reports word boundaries, the word. Nothing is sent anywhere:
// a network voice is never used, even when it is the device's default. A
// new reading, on any widget of the page, stops the one before; so does
// opening a section or a drug card.

/** The attribute that marks a Listen control (LISTEN_ATTR in crates/ui/src/components/listen.rs). */
export const CONTROL = 'data-listen';
/** A shown control's state: `idle`, `speaking` or `paused` (absent: not shown yet). */
export const STATE = 'data-tg-listen';
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
/** How long a device that lists no voice at all is given to list some before its controls are hidden (ms). */
const SETTLE_MS = 3000;

/**
 * The styles of shown controls and of the text being read, adopted into each
 * watched shadow root after the widget's own (the controls' place and size
 * are in styles/widget.css); `[data-tg-reading]` is the bar beside the
 * paragraph being read in browsers without the Highlight API. The
 * highlight's colours are fixed, not themed, so their contrast holds: light
 * 11.9:1 (sentence) and 8:1 (word); dark 8.9:1 and 5.1:1; in forced
 * colours, the system's own pairs.
 */
const STYLES = `
.tg-listen .tg-button[aria-pressed="true"] { background: var(--_accent); color: var(--_accent-text); }
.tg-listen-main::before { clip-path: polygon(0 0, 100% 50%, 0 100%); }
[data-tg-listen="speaking"] .tg-listen-main::before { clip-path: none; background: none; border-inline: 0.26em solid currentColor; }
[data-tg-action="listen-stop"]::before { content: ""; flex: none; width: 0.75em; height: 0.75em; background: currentColor; }
::highlight(tg-listen-sentence) {
  background-color: #fde68a; color: #1f2933;
  background-color: light-dark(#fde68a, #5c4700); color: light-dark(#1f2933, #ffffff);
}
::highlight(tg-listen-word) {
  background-color: #f5b300; color: #1f2933;
  background-color: light-dark(#f5b300, #8a6a00); color: light-dark(#1f2933, #ffffff);
  text-decoration: underline;
}
[data-tg-reading] { background: var(--_surface); box-shadow: -0.4em 0 0 var(--_surface), -0.6em 0 0 var(--_accent); }
@media (forced-colors: active) {
  ::highlight(tg-listen-sentence) { background-color: Mark; color: MarkText; }
  ::highlight(tg-listen-word) { background-color: Highlight; color: HighlightText; }
  [data-tg-reading] { outline: 2px solid Highlight; }
  .tg-listen .tg-button::before { forced-color-adjust: none; background: ButtonText; }
  [data-tg-listen="speaking"] .tg-listen-main::before { background: none; border-color: ButtonText; }
  .tg-listen .tg-button[aria-pressed="true"] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
}`;
/** STYLES as a sheet, made once. */
let sheet = null;

/** The reading under way: { root, control, voice, sentences, at, paused, utterance }, or null. */
let current = null;
/** The reader's speed choice: slower or not. */
let slowly = false;
/** Counts utterances, so that events of a cancelled one are ignored. */
let generation = 0;
/** The block the fallback marks. */
let marked = null;
/** The shadow roots whose controls this module runs. */
const roots = new Set();
/** Whether the engine has had its chance to list its voices (`voiceschanged`, or SETTLE_MS passed). */
let settled = false;

const synth = () => window.speechSynthesis;

/** The primary language and region of a tag, in lower case: `fr-CA` → [`fr`, `ca`] (`fr_CA` too). */
export function parts(tag) {
  const [primary = '', ...rest] = String(tag || '').trim().toLowerCase().split(/[-_]/);
  return [primary, rest.find((p) => /^([a-z]{2}|\d{3})$/.test(p)) || ''];
}

/**
 * The voice to read `language` (`en`, `fr`) with, or undefined. Only a
 * voice that runs on the device (`localService`) in that language may; among
 * them one in the region of the first of `preferred` (language tags: the
 * page's, then the browser's) that names a region in this language wins,
 * then the device's default, then the first listed.
 */
export function chooseVoice(voices, language, preferred = []) {
  const region = preferred.map(parts).find(([p, r]) => p === language && r);
  const rank = (v) => (region && parts(v.lang)[1] === region[1] ? 0 : 2) + (v.default ? 0 : 1);
  let best;
  for (const voice of voices) {
    if (voice.localService !== true || parts(voice.lang)[0] !== language) continue;
    if (!best || rank(voice) < rank(best)) best = voice;
  }
  return best;
}

/** The guide's language around `element` (`en`, `fr`). */
const languageOf = (element) => parts((element.closest('[lang]') || {}).lang)[0];

/**
 * The voice for the control `control` among `voices` (the device's): in its
 * guide's language, in the region of the page around the widget, then the browser's.
 */
function voiceFor(control, voices = synth().getVoices()) {
  const host = control.getRootNode().host;
  const page = host && host.closest('[lang]');
  return chooseVoice(voices, languageOf(control), [page && page.lang, navigator.language]);
}

/** Whether `control` can be read aloud: true, false, or undefined while the engine has not listed its voices. */
function voiced(control) {
  if (!synth() || typeof SpeechSynthesisUtterance !== 'function') return false;
  // One list for both questions: an engine may list its voices between two calls.
  const voices = synth().getVoices();
  if (voiceFor(control, voices)) return true;
  return voices.length || settled ? false : undefined;
}

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

/** The button of `control` that does `action` (`stop`, `slower`), or its main button with none. */
const button = (control, action) => control.querySelector(action ? `[data-tg-action="listen-${action}"]` : '.tg-listen-main');

/** The focused element of `control`'s tree. */
const focused = (control) => control.getRootNode().activeElement;

/** The word `name` (`controls`, `pause`, `resume`, `stop`, `slower`) of the guide around `control` (its root's `data-listen-*`). */
const word = (control, name) => control.closest('.tg-root').getAttribute(`data-listen-${name}`);

/**
 * Shows what is done for `control` (`idle`, `speaking`, `paused`): the main
 * button reads Listen (named "Listen to …"), Pause or Resume; while reading,
 * Stop and Slower follow it (one Tab stop: the arrow keys move between them).
 */
function tell(control, state) {
  const main = button(control);
  if (!main) return;
  if (!control.hasAttribute(STATE)) {
    // First shown: a toolbar.
    control.setAttribute('role', 'toolbar');
    control.setAttribute('aria-label', word(control, 'controls'));
  }
  control.setAttribute(STATE, state);
  const text = [...main.childNodes].find((n) => n.nodeType === 3);
  if (text) {
    if (!main.dataset.idle) main.dataset.idle = text.data;
    text.data = state === 'idle' ? main.dataset.idle : word(control, state === 'speaking' ? 'pause' : 'resume');
  }
  if (state === 'idle') {
    // Named "Listen to …" again (unless the widget has named it anew meanwhile: another drug).
    if (!main.hasAttribute('aria-label')) main.setAttribute('aria-label', main.dataset.name);
    // A button about to go keeps no focus: it moves to the main button first.
    if ([button(control, 'stop'), button(control, 'slower')].includes(focused(control))) main.focus();
    for (const action of ['stop', 'slower']) if (button(control, action)) button(control, action).remove();
    return;
  }
  if (main.hasAttribute('aria-label')) {
    main.dataset.name = main.getAttribute('aria-label');
    main.removeAttribute('aria-label');
  }
  for (const action of ['stop', 'slower']) {
    if (button(control, action)) continue;
    const extra = document.createElement('button');
    extra.type = 'button';
    extra.className = 'tg-button';
    extra.tabIndex = -1;
    extra.dataset.tgAction = `listen-${action}`;
    extra.append(word(control, action));
    control.append(extra);
  }
  button(control, 'slower').setAttribute('aria-pressed', String(slowly));
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
 * Reads the section or card of the Listen control `control` aloud, with the
 * local voice for it; whatever was being read on the page stops.
 */
export function start(control) {
  stop(null);
  const voice = voiceFor(control);
  const root = control.closest('section');
  if (!voice || !root) return;
  current = { root, control, voice, sentences: sentences(root, languageOf(control)), at: 0, paused: false };
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

/** A press on a button of a Listen control. */
function press(event) {
  const target = event.target.closest && event.target.closest('button');
  const control = target && target.closest(`[${CONTROL}]`);
  if (!control || !control.hasAttribute(STATE)) return;
  const action = target.dataset.tgAction;
  if (action === 'listen-stop') return stop(control);
  if (action === 'listen-slower') return slower(!slowly);
  const state = current && current.control === control ? (current.paused ? 'paused' : 'speaking') : 'idle';
  if (state === 'idle') start(control);
  else if (state === 'speaking') pause(control);
  else resume(control);
}

/** WAI-ARIA toolbar: the arrows, Home and End move between a control's buttons; Escape stops. */
function key(event) {
  const control = event.target.closest && event.target.closest(`[${CONTROL}]`);
  if (!control) return;
  const all = [...control.querySelectorAll('button')];
  const at = Math.max(0, all.indexOf(event.target));
  const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1 + all.length, ArrowUp: at - 1 + all.length, Home: 0, End: all.length - 1 };
  if (event.key === 'Escape' && all.length > 1) stop(control);
  else if (event.key in moves) all[moves[event.key] % all.length].focus();
  else return;
  event.preventDefault();
  event.stopPropagation();
}

/** The controls the reader may have seen in their place (unseen, keeping their room). */
const placed = new WeakSet();

/**
 * Shows the controls of every watched widget where the device's voices
 * allow; a reading whose control went (its section closed, the card closed)
 * stops. Text never moves: a control keeps its place while it is not known
 * whether it can speak, so it appears where it was; where it cannot, a
 * control that just appeared (run before the page is painted) takes no
 * room, and one already in its place keeps it, unseen.
 */
function refresh() {
  if (current && !current.control.isConnected) stop(null);
  for (const root of roots) {
    for (const control of root.querySelectorAll(`[${CONTROL}]`)) {
      const can = voiced(control);
      if (can) {
        control.hidden = false;
        if (!control.hasAttribute(STATE)) tell(control, 'idle');
      } else if (can === false && !placed.has(control)) control.hidden = true;
      placed.add(control);
    }
  }
}

/**
 * Runs the Listen controls of the widget whose shadow root is `root` (the
 * loader calls it for each widget once one of its controls appears): shows
 * them as the device's voices allow, and answers their presses. Opening a
 * section or a drug card, in any widget, stops the reading.
 */
export function watch(root) {
  if (roots.has(root)) return;
  roots.add(root);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  root.addEventListener('click', press);
  root.addEventListener('keydown', key);
  for (const type of ['tg-section-toggle', 'tg-drug-show']) {
    root.host.addEventListener(type, (event) => {
      if (!event.detail || event.detail.open !== false) stop(null);
      else refresh();
    });
  }
  // The controls already painted keep their place.
  for (const control of root.querySelectorAll(`[${CONTROL}]`)) placed.add(control);
  new MutationObserver(refresh).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: [CONTROL] });
  if (roots.size === 1 && synth()) {
    synth().addEventListener('voiceschanged', () => { settled = true; refresh(); });
    setTimeout(() => { settled = true; refresh(); }, SETTLE_MS);
  }
  refresh();
}

if (typeof window === 'object') window.addEventListener('pagehide', () => stop(null));
