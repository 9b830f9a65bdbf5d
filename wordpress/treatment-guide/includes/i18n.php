<?php
/**
 * The plugin's own admin strings in English and French: languages/ holds
 * treatment-guide-fr_FR.mo (PHP) and the editor script's JSON, which
 * tools/wordpress-plugin.mjs makes from the .po at pack time. Every French
 * locale (fr_CA, fr_BE…) uses the French files.
 *
 * @package TreatmentGuide
 */

defined( 'ABSPATH' ) || exit;

/** The locale the French files are written for. */
const TREATMENT_GUIDE_FRENCH = 'fr_FR';

/**
 * The locale whose files the plugin has for `$locale`: itself, or fr_FR for
 * any French one.
 *
 * @param string $locale A WordPress locale.
 * @return string
 */
function treatment_guide_files_locale( $locale ) {
	return 0 === strpos( (string) $locale, 'fr' ) ? TREATMENT_GUIDE_FRENCH : (string) $locale;
}

/** Loads the PHP strings (a translation in wp-content/languages/plugins/ comes first). */
function treatment_guide_load_textdomain() {
	$locale = determine_locale();
	$mine   = treatment_guide_files_locale( $locale );
	$global = WP_LANG_DIR . '/plugins/treatment-guide-' . $locale . '.mo';
	if ( is_readable( $global ) ) {
		load_textdomain( 'treatment-guide', $global );
		return;
	}
	load_textdomain( 'treatment-guide', TREATMENT_GUIDE_DIR . 'languages/treatment-guide-' . $mine . '.mo' );
}

/**
 * The editor script's JSON translations for any French locale.
 *
 * @param string|false $file   The file WordPress looks for.
 * @param string       $handle The script's handle.
 * @param string       $domain The text domain.
 * @return string|false
 */
function treatment_guide_script_translations( $file, $handle, $domain ) {
	if ( 'treatment-guide' !== $domain || ! is_string( $file ) || is_readable( $file ) ) {
		return $file;
	}
	$mine = TREATMENT_GUIDE_DIR . 'languages/treatment-guide-' . treatment_guide_files_locale( determine_locale() ) . '-' . $handle . '.json';
	return is_readable( $mine ) ? $mine : $file;
}
add_filter( 'load_script_translation_file', 'treatment_guide_script_translations', 10, 3 );
