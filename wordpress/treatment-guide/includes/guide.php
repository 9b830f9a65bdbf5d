<?php
/**
 * What the plugin knows of the guide it bundles: read from guide.json, which
 * tools/wordpress-plugin.mjs writes at pack time from the built dist/ (its
 * languages, each with its plain guide and its section ids and titles), so no
 * fact of the widget is written twice.
 *
 * @package TreatmentGuide
 */

defined( 'ABSPATH' ) || exit;

/** The language the guide is built in, shown when a page asks for one it does not have. */
const TREATMENT_GUIDE_DEFAULT_LANGUAGE = 'en';

/**
 * The facts of the bundled guide: `languages` (code => { fallback, sections:
 * [ { id, title } ] }) and `element`. Read once a request.
 *
 * @return array
 */
function treatment_guide_facts() {
	static $facts = null;
	if ( null === $facts ) {
		$json  = file_get_contents( TREATMENT_GUIDE_DIR . 'guide.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
		$facts = is_string( $json ) ? json_decode( $json, true ) : null;
		if ( ! is_array( $facts ) || empty( $facts['languages'] ) ) {
			$facts = array(
				'element'   => 'treatment-guide',
				'languages' => array(),
			);
		}
	}
	return $facts;
}

/**
 * The languages of the guide, as codes (`en`, `fr`).
 *
 * @return string[]
 */
function treatment_guide_languages() {
	return array_keys( treatment_guide_facts()['languages'] );
}

/**
 * The section ids of the built-in guide, in page order (the same in every language).
 *
 * @return string[]
 */
function treatment_guide_section_ids() {
	$languages = treatment_guide_facts()['languages'];
	$first     = reset( $languages );
	return $first ? array_column( $first['sections'], 'id' ) : array();
}

/**
 * The plain guide (every section open, no script) in a language of the guide,
 * from the bundled dist/, to print inside the element; '' when it is missing.
 *
 * @param string $language A code of treatment_guide_languages().
 * @return string
 */
function treatment_guide_plain( $language ) {
	static $read = array();
	$languages = treatment_guide_facts()['languages'];
	if ( ! isset( $languages[ $language ] ) ) {
		$language = TREATMENT_GUIDE_DEFAULT_LANGUAGE;
	}
	if ( ! isset( $read[ $language ] ) ) {
		$name = isset( $languages[ $language ]['fallback'] ) ? basename( $languages[ $language ]['fallback'] ) : '';
		$html = '' !== $name ? file_get_contents( TREATMENT_GUIDE_DIR . 'dist/' . $name ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
		$read[ $language ] = is_string( $html ) ? trim( $html ) : '';
	}
	return $read[ $language ];
}
