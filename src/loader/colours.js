/**
 * The widget's colours that a host page may set: each of the widget's own
 * names (styles/widget.css `--_*`) with the host's property behind it,
 * `--tg-<name>` in light mode and `--tg-dark-<name>` in dark.
 */
export var HOST_NAMES = { text: 'text', muted: 'muted', accent: 'accent', 'accent-text': 'accent-contrast', bg: 'background' };

/** Whether the host sets any of the widget's colours on `element` (`style`: its computed style). */
export function setsColours(style) {
  return Object.keys(HOST_NAMES).some(function (name) {
    return ['--tg-', '--tg-dark-'].some(function (prefix) { return style.getPropertyValue(prefix + HOST_NAMES[name]).trim() !== ''; });
  });
}
