// The contrast lint is loaded only where web staff want it: `debug`, or a page that sets the widget's colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeElement } from './fake-facts.mjs';

const { linted } = await import('./lint.js');

/** An element with `attributes`, whose computed style has the custom properties of `style`. */
function styled(attributes, style) {
  const element = fakeElement(attributes);
  element.hasAttribute = (name) => name in attributes;
  element.style = { getPropertyValue: (name) => style[name] || '' };
  return element;
}
globalThis.getComputedStyle = (element) => element.style;

test('an element without debug on a page that sets none of the widget\'s colours is not linted', () => {
  assert.equal(linted(styled({}, {})), false);
  assert.equal(linted(styled({ open: 'all' }, { '--tg-font-size': '18px', '--tg-accent': '  ' })), false, 'other properties, and blank values, do not count');
});

test('debug, or any colour the page sets, in light or dark mode, asks for the lint', () => {
  assert.equal(linted(styled({ debug: '' }, {})), true);
  for (const name of ['--tg-text', '--tg-muted', '--tg-accent', '--tg-accent-contrast', '--tg-background', '--tg-dark-text', '--tg-dark-background']) {
    assert.equal(linted(styled({}, { [name]: '#123456' })), true, name);
  }
});
