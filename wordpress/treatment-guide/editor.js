/* treatment-guide plugin: the "Treatment guide" block in the block editor.
 * Plain JavaScript on WordPress's own packages (wp.blocks, wp.element,
 * wp.components, wp.blockEditor, wp.serverSideRender, wp.i18n): no build step.
 * The block is dynamic: the server renders it (includes/render.php), here for
 * the preview too, and the post stores only the block's comment with its
 * settings. The sidebar sets the language, the open sections, the heading
 * level and an optional content file. The guide's languages and sections come
 * from the plugin (guide.json, by includes/render.php). */
(function (wp, guide) {
  'use strict';
  if (!wp || !wp.blocks || !guide) return;
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var sprintf = wp.i18n.sprintf;
  var components = wp.components;
  var blockEditor = wp.blockEditor;
  var ServerSideRender = wp.serverSideRender;
  /** `open`'s value for every section. */
  var ALL = 'all';

  /** The ids of `open` ("a,b" or "all") as a list. */
  function openIds(open) {
    return String(open || '').split(/[\s,]+/).filter(Boolean);
  }

  /** The sections of the guide in a language (the site's when the block has none). */
  function sectionsIn(lang) {
    var primary = String(lang || guide.siteLanguage).toLowerCase().split(/[-_]/)[0];
    var language = guide.languages[primary] || guide.languages[guide.defaultLanguage];
    return language ? language.sections : [];
  }

  function Settings(props) {
    var a = props.attributes;
    var set = props.setAttributes;
    var ids = openIds(a.open);
    var all = ids.indexOf(ALL) !== -1;
    var languageOptions = [{ value: '', label: __("The page's language", 'treatment-guide') }].concat(
      Object.keys(guide.languages).map(function (code) {
        return { value: code, label: guide.languages[code].name };
      }));
    var levelOptions = guide.headingLevels.map(function (level) {
      /* translators: %d: a heading level, 2 to 6. */
      return { value: String(level), label: sprintf(__('Heading %d', 'treatment-guide'), level) };
    });
    var sections = sectionsIn(a.lang);

    function toggleSection(id, checked) {
      var next = ids.filter(function (other) { return other !== id && other !== ALL; });
      if (checked) next.push(id);
      // In page order, as the sidebar lists them.
      var order = sections.map(function (s) { return s.id; });
      next.sort(function (x, y) { return order.indexOf(x) - order.indexOf(y); });
      set({ open: next.join(',') });
    }

    return el(blockEditor.InspectorControls, null,
      el(components.PanelBody, { title: __('Guide', 'treatment-guide'), initialOpen: true },
        el(components.SelectControl, {
          label: __('Language', 'treatment-guide'),
          value: a.lang,
          options: languageOptions,
          onChange: function (value) { set({ lang: value }); },
        }),
        el(components.SelectControl, {
          label: __('Heading level', 'treatment-guide'),
          help: __("The level of the section headings in the page's outline. The page's title is level 1.", 'treatment-guide'),
          value: String(a.headingLevel || guide.headingLevels[0]),
          options: levelOptions,
          onChange: function (value) { set({ headingLevel: parseInt(value, 10) }); },
        })),
      el(components.PanelBody, { title: __('Open sections', 'treatment-guide'), initialOpen: true },
        el('p', { className: 'components-base-control__help' },
          __('Sections open when the page loads. Readers can open and close every section.', 'treatment-guide')),
        el(components.ToggleControl, {
          label: __('All sections', 'treatment-guide'),
          checked: all,
          onChange: function (checked) { set({ open: checked ? ALL : '' }); },
        }),
        all ? null : sections.map(function (section) {
          return el(components.CheckboxControl, {
            key: section.id,
            label: section.title,
            checked: ids.indexOf(section.id) !== -1,
            onChange: function (checked) { toggleSection(section.id, checked); },
          });
        })),
      el(components.PanelBody, { title: __('Content file', 'treatment-guide'), initialOpen: !!a.contentSrc },
        el(components.TextControl, {
          label: __('Content file address (optional)', 'treatment-guide'),
          help: __("Your own content file, shown instead of the built-in guide. It must be on this site, or on a site an Administrator allows under Settings › Treatment guide. Leave empty for the built-in guide.", 'treatment-guide'),
          type: 'url',
          value: a.contentSrc,
          onChange: function (value) { set({ contentSrc: value.trim() }); },
        })));
  }

  wp.blocks.registerBlockType('treatment-guide/guide', {
    edit: function (props) {
      return el('div', blockEditor.useBlockProps(),
        el(Settings, props),
        el(ServerSideRender, { block: 'treatment-guide/guide', attributes: props.attributes }));
    },
    // Dynamic: the server renders the guide on every view.
    save: function () { return null; },
  });
})(window.wp, window.treatmentGuideEditor);
