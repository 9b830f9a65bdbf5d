// The element's language: the `lang` asked, as a primary subtag, when the guide has it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeElement } from './fake-facts.mjs';

const { asked, language, primary, text } = await import('./language.js');

test('the language asked is the nearest `lang`, as a primary subtag in lower case', () => {
  assert.equal(asked(fakeElement({}, 'fr-CA')), 'fr');
  assert.equal(asked(fakeElement({}, ' EN_gb ')), 'en');
  assert.equal(asked(fakeElement({}, '')), '');
  assert.equal(asked(fakeElement()), '');
});

test('a tag\'s primary subtag ends at the marks the build gives', () => {
  assert.equal(primary('fr-CA'), 'fr');
  assert.equal(primary('FR_ca'), 'fr');
  assert.equal(primary(' de '), 'de');
  assert.equal(primary('en.GB'), 'en.gb', 'only the given marks end it');
  assert.equal(primary(null), '');
});

test('a language the guide has is taken; any other gives the default', () => {
  assert.equal(language(fakeElement({}, 'fr-CA')), 'fr');
  assert.equal(language(fakeElement({}, 'de')), 'en');
  assert.equal(language(fakeElement()), 'en');
  assert.equal(language(fakeElement({}, 'constructor')), 'en', 'no name of Object.prototype counts as a language');
});

test('reader text comes in the language, or the default language\'s for one the guide lacks', () => {
  assert.equal(text('fr', 'crash'), 'Désolé');
  assert.equal(text('de', 'crash'), 'Sorry');
});
