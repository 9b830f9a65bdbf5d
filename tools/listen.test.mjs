// The read-aloud module's pure part (src/listen.js), without a browser:
// how text is cut into sentences, one utterance each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { split } from '../src/listen.js';

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
