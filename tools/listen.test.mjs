// The read-aloud module's pure part (src/listen.js), without a browser:
// how text is cut into sentences, one utterance each, and which voice may read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseVoice, parts, split } from '../src/listen.js';

const cut = (text, lang) => split(text, lang).map(([a, b]) => text.slice(a, b));

test('sentences, without their spaces; names with dots and hyphens stay whole', () => {
  assert.deepEqual(cut('Chemotherapy', 'en'), ['Chemotherapy']);
  assert.deepEqual(cut('  Cytarabine (Ara-C) is given first. It may cause nausea!  Then what? Rest… ', 'en'),
    ['Cytarabine (Ara-C) is given first.', 'It may cause nausea!', 'Then what?', 'Rest…']);
  assert.deepEqual(cut('A dose of 0.5 mg. VP-16 next.', 'en'), ['A dose of 0.5 mg.', 'VP-16 next.']);
  assert.deepEqual(cut('La cytarabine est donnée. «\u00A0Pourquoi\u00A0?\u00A0» Ensuite, le repos.', 'fr'),
    ['La cytarabine est donnée.', '«\u00A0Pourquoi\u00A0?\u00A0»', 'Ensuite, le repos.']);
  assert.deepEqual(cut('   ', 'en'), []);
});

test('without Intl.Segmenter, a break after . ! ? or … and a space', (t) => {
  const segmenter = Intl.Segmenter;
  t.after(() => { Intl.Segmenter = segmenter; });
  Intl.Segmenter = undefined;
  assert.deepEqual(cut('It helps. Does it? Yes!', 'en'), ['It helps.', 'Does it?', 'Yes!']);
  assert.deepEqual(cut('A dose of 0.5 mg. “Quoted.” Next', 'en'), ['A dose of 0.5 mg.', '“Quoted.”', 'Next']);
});

const voice = (voiceURI, lang, localService, isDefault = false) => ({ voiceURI, lang, localService, default: isDefault });

test('a network voice is never chosen, even as the default or in the page\'s region', () => {
  const network = [voice('Google US English', 'en-US', false, true), voice('Google français', 'fr-CA', false)];
  assert.equal(chooseVoice(network, 'en', ['en-US']), undefined);
  assert.equal(chooseVoice(network, 'fr', ['fr-CA']), undefined);
  assert.equal(chooseVoice([...network, voice('espeak en', 'en-GB', true)], 'en', ['en-US']).voiceURI, 'espeak en');
  // Only `localService: true` counts: a voice that does not say is not local.
  assert.equal(chooseVoice([{ voiceURI: 'x', lang: 'en-GB' }], 'en'), undefined);
});

test('only the guide\'s language, whatever the tag is written like', () => {
  const voices = [voice('de', 'de-DE', true, true), voice('fr', 'FR_ca', true)];
  assert.equal(chooseVoice(voices, 'fr').voiceURI, 'fr');
  assert.equal(chooseVoice(voices, 'en'), undefined);
  assert.equal(chooseVoice([voice('x', '', true)], 'en'), undefined);
  assert.equal(chooseVoice([voice('x', 'english', true)], 'en'), undefined);
});

test('the page\'s region wins, then the default, then the first listed', () => {
  const voices = [voice('fr-fr', 'fr-FR', true), voice('fr-be', 'fr-BE', true, true), voice('fr-ca', 'fr-CA', true)];
  const uri = (...args) => (chooseVoice(...args) || {}).voiceURI;
  assert.equal(uri(voices, 'fr', ['fr-CA', 'fr-FR']), 'fr-ca');
  assert.equal(uri(voices, 'fr', ['en-CA', 'fr-FR']), 'fr-fr', 'a preference in another language says nothing of the region');
  assert.equal(uri(voices, 'fr', ['fr']), 'fr-be', 'the default');
  assert.equal(uri(voices, 'fr', [undefined, 'fr']), 'fr-be', 'a page without a language');
  assert.equal(uri(voices.slice(0, 1), 'fr', ['fr-CA']), 'fr-fr', 'another region rather than none');
  assert.equal(uri([], 'fr', ['fr-CA']), undefined);
  assert.deepEqual(parts('zh-Hant-TW'), ['zh', 'tw']);
  assert.deepEqual(parts('es-419'), ['es', '419']);
});
