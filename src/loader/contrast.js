/**
 * The contrast lint for web staff: a warning when the host's colours make
 * text hard to read. A module of its own, imported by the loader only where
 * it is wanted (see lint.js).
 */
import { HOST_NAMES, setsColours } from './colours.js';

/** Text needs this contrast against its background (WCAG AA). */
var MIN_CONTRAST = 4.5;
/** Text colours and their backgrounds, as the widget's own names (styles/widget.css `--_*`). */
var CONTRAST_PAIRS = [['text', 'bg'], ['muted', 'bg'], ['accent', 'bg'], ['accent-text', 'accent']];

/**
 * Warns in the console, naming the property, when a colour the host set
 * gives text under 4.5:1 against its background in either colour scheme.
 * Measures the colours the widget really uses (a hidden probe in its shadow
 * root, in each scheme), so the lighter dark-mode tone of --tg-accent counts.
 */
export function warnContrast(element) {
  var host = getComputedStyle(element);
  var set = function (name) { return host.getPropertyValue(name).trim() !== ''; };
  var root = element.shadowRoot;
  if (!root || !window.CSS || !window.CSS.supports('color', 'light-dark(#000, #fff)')) return;
  var named = Object.keys(HOST_NAMES).some(function (n) { return set('--tg-' + HOST_NAMES[n]) || set('--tg-dark-' + HOST_NAMES[n]); });
  if (!named) return;
  var canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  var paint = canvas.getContext('2d', { willReadFrequently: true });
  var probe = document.createElement('span');
  probe.hidden = true;
  root.appendChild(probe);
  /** Relative luminance of the colour the widget uses for `name`, or null if it is not opaque. */
  var luminance = function (name) {
    probe.style.color = 'var(--_' + name + ')';
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = getComputedStyle(probe).color;
    paint.fillRect(0, 0, 1, 1);
    var px = paint.getImageData(0, 0, 1, 1).data;
    if (px[3] !== 255) return null;
    var linear = [0, 1, 2].map(function (i) {
      var c = px[i] / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  };
  /** The host properties behind `name` in `scheme` that the host set (a dark accent may come from --tg-accent). */
  var owners = function (name, scheme) {
    var light = '--tg-' + HOST_NAMES[name];
    var dark = '--tg-dark-' + HOST_NAMES[name];
    if (scheme === 'light') return set(light) ? [light] : [];
    if (set(dark)) return [dark];
    return name === 'accent' && set(light) ? [light + ' (its lighter dark-mode tone)'] : [];
  };
  ['light', 'dark'].forEach(function (scheme) {
    probe.style.colorScheme = scheme;
    CONTRAST_PAIRS.forEach(function (pair) {
      var blame = owners(pair[0], scheme).concat(owners(pair[1], scheme));
      if (!blame.length) return;
      var fg = luminance(pair[0]);
      var bg = luminance(pair[1]);
      if (fg === null || bg === null) return;
      var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio >= MIN_CONTRAST) return;
      console.warn(element.localName + ': ' + blame.join(' and ') + ' gives text a contrast of ' + ratio.toFixed(1) + ':1 in '
        + scheme + ' mode (' + pair[0] + ' on ' + pair[1] + '); ' + MIN_CONTRAST + ':1 is needed. '
        + 'Colours for dark mode are set with --tg-dark-* (see the README, Theming).');
    });
  });
  probe.remove();
}
