/**
 * The prerendered guide (interactive or plain) as the element's attributes
 * ask, by the widget's own rules: which sections `open` opens, the headings'
 * level, and the ids' prefix.
 */
import { SHAPE, TAG } from './facts.js';

/** The ASCII letters of `text` in lower case (as Rust's to_ascii_lowercase). */
export function asciiLower(text) {
  return text.replace(/[A-Z]+/g, function (letters) { return letters.toLowerCase(); });
}

/**
 * The ids among `ids` (the guide's sections) that the element's `open`
 * opens, by the widget's rule (tg_ui::options::OpenSpec::parse): `all`, in
 * any case, opens every one; otherwise ids separated by commas or spaces,
 * in any case; an unknown id opens nothing.
 */
export function opened(element, ids) {
  var value = (element.getAttribute(SHAPE.open) || '').trim();
  if (asciiLower(value) === SHAPE.all) return ids.slice();
  var asked = value.split(/[, ]/).map(function (id) { return asciiLower(id.trim()); });
  return ids.filter(function (id) { return asked.indexOf(id) >= 0; });
}

/** The element's heading level, by the widget's rule (tg_ui::options::parse_heading_level): 1 to 6, else the default. */
export function headingLevel(element) {
  var value = (element.getAttribute(SHAPE.headingLevel) || '').trim();
  var level = /^\+?[0-9]+$/.test(value) ? Number(value) : 0;
  return level >= 1 && level <= 6 ? level : SHAPE.defaultLevel;
}

/** The element's id prefix, by the widget's rule (tg_ui::options::Options::for_position): `tg` for the page's first, `tg<n>` for the n-th. */
export function idPrefix(element) {
  var n = Array.prototype.indexOf.call(document.querySelectorAll(TAG), element);
  return n > 0 ? SHAPE.idPrefix + (n + 1) : SHAPE.idPrefix;
}

/**
 * `word` (an attribute's word) under the id prefix `prefix` when it names
 * one of the guide's ids: it starts with the first guide's prefix and a
 * dash (`tg-`), or is a link to such an id (`#tg-…`).
 */
export function renamed(word, prefix) {
  var from = SHAPE.idPrefix + '-';
  var hash = word.charAt(0) === '#' ? '#' : '';
  return word.indexOf(from, hash.length) === hash.length ? hash + prefix + '-' + word.slice(hash.length + from.length) : word;
}

/** The nodes of `html`. */
export function parsed(html) {
  var template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Puts the nodes of `html` in the place of `node` (when there is one). */
function swap(node, html) {
  if (node) node.replaceWith(parsed(html));
}

/**
 * The guide before the code (the built-in guide, or a language file's
 * `guide`) as the element's attributes ask, as the code will render it:
 * each section that `open` opens in its open form, the toolbar of that many
 * open sections, then its headings and ids as `followed` sets them.
 */
export function shaped(element, guide) {
  var nodes = parsed(guide.html);
  var all = Object.keys(guide.open);
  var ids = opened(element, all);
  ids.forEach(function (id) {
    swap(nodes.querySelector('[' + SHAPE.section + '="' + id + '"]'), guide.open[id]);
  });
  if (ids.length) swap(nodes.querySelector('.' + SHAPE.toolbar), ids.length === all.length ? guide.toolbar.all : guide.toolbar.some);
  return followed(element, nodes);
}

/**
 * `nodes` (a prerendered guide, interactive or plain) with the section
 * headings at the element's `heading-level`, and its ids under the
 * element's own prefix, as the code renders them. The guide's ids all start
 * with the first guide's prefix (`tg-`), as its class names do: every word
 * of an attribute but `class` that starts so names an id (`id`, `for`,
 * `aria-controls`, `data-tg-tip`…), and so does a link to `#tg-…`.
 */
export function followed(element, nodes) {
  var level = headingLevel(element);
  if (level !== SHAPE.defaultLevel) {
    Array.prototype.forEach.call(nodes.querySelectorAll('.' + SHAPE.heading), function (heading) {
      var to = document.createElement('h' + level);
      Array.prototype.forEach.call(heading.attributes, function (a) { to.setAttribute(a.name, a.value); });
      while (heading.firstChild) to.appendChild(heading.firstChild);
      heading.replaceWith(to);
    });
  }
  var prefix = idPrefix(element);
  if (prefix !== SHAPE.idPrefix) {
    Array.prototype.forEach.call(nodes.querySelectorAll('*'), function (node) {
      Array.prototype.forEach.call(node.attributes, function (a) {
        if (a.name === 'class') return;
        var value = a.value.split(' ').map(function (word) { return renamed(word, prefix); }).join(' ');
        if (value !== a.value) a.value = value;
      });
    });
  }
  return nodes;
}
