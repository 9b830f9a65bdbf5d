<?php
/**
 * The element's attributes, checked on the server: whatever a block's
 * attributes or a shortcode say, only values the guide accepts reach the
 * page, each escaped. A value that is not accepted is left out (the guide
 * then uses its default) and named in `problems`, for the editor's preview.
 *
 * @package TreatmentGuide
 */

defined( 'ABSPATH' ) || exit;

/** The lowest and highest `heading-level` offered: level 1 is the page's own title in WordPress themes. */
const TREATMENT_GUIDE_HEADING_LEVELS = array( 2, 3, 4, 5, 6 );
/** The level the guide uses without the attribute. */
const TREATMENT_GUIDE_DEFAULT_HEADING_LEVEL = 2;
/** `open`'s value for every section. */
const TREATMENT_GUIDE_OPEN_ALL = 'all';
/** A content file's own section ids: lower-case letters and digits in words joined by hyphens, at most 60 characters. */
const TREATMENT_GUIDE_SLUG = '/^(?=.{1,60}$)[a-z0-9]+(?:-[a-z0-9]+)*$/';
/** A language tag: a language of the guide, optionally with a region (`fr-CA`, `fr_CA`, `es-419`). */
const TREATMENT_GUIDE_LANGUAGE_TAG = '/^([a-z]{2,3})(?:[-_]([a-z]{2}|[0-9]{3}))?$/i';

/**
 * The element's attributes from a block's or a shortcode's, checked.
 *
 * @param array $raw `lang`, `open`, `headingLevel`, `contentSrc` (any may be missing; values as saved).
 * @return array { attributes: name => value (unescaped; print with esc_attr), language: the
 *               plain guide's language, problems: string[] (translated, for editors) }.
 */
function treatment_guide_clean_attributes( $raw ) {
	$attributes = array();
	$problems   = array();

	$lang = treatment_guide_clean_lang( isset( $raw['lang'] ) ? $raw['lang'] : '' );
	if ( false === $lang ) {
		/* translators: %s: the language asked for. */
		$problems[] = sprintf( __( 'The language "%s" is not one of the guide\'s; the page\'s language is used.', 'treatment-guide' ), treatment_guide_text( $raw['lang'] ) );
	} elseif ( '' !== $lang ) {
		$attributes['lang'] = $lang;
	}

	$content_src = treatment_guide_clean_content_src( isset( $raw['contentSrc'] ) ? $raw['contentSrc'] : '' );
	if ( false === $content_src ) {
		$problems[] = sprintf(
			/* translators: %s: the content file address asked for. */
			__( 'The content file "%s" is left out: only files on this site, or on a site an Administrator allows under Settings › Treatment guide, can be used.', 'treatment-guide' ),
			treatment_guide_text( $raw['contentSrc'] )
		);
		$content_src = '';
	}

	$open = treatment_guide_clean_open( isset( $raw['open'] ) ? $raw['open'] : '', '' !== $content_src );
	if ( '' !== $open['value'] ) {
		$attributes['open'] = $open['value'];
	}
	if ( $open['unknown'] ) {
		/* translators: %s: section ids, separated by commas. */
		$problems[] = sprintf( __( 'No section has the id %s; it is left out.', 'treatment-guide' ), treatment_guide_text( implode( ', ', $open['unknown'] ) ) );
	}

	$level = isset( $raw['headingLevel'] ) ? $raw['headingLevel'] : '';
	if ( '' !== $level && null !== $level ) {
		$clean = treatment_guide_clean_heading_level( $level );
		if ( false === $clean ) {
			/* translators: %s: the heading level asked for. */
			$problems[] = sprintf( __( 'The heading level "%s" is not between 2 and 6; level 2 is used.', 'treatment-guide' ), treatment_guide_text( $level ) );
		} elseif ( TREATMENT_GUIDE_DEFAULT_HEADING_LEVEL !== $clean ) {
			$attributes['heading-level'] = (string) $clean;
		}
	}

	if ( '' !== $content_src ) {
		$attributes['content-src'] = $content_src;
	}

	return array(
		'attributes' => $attributes,
		'language'   => treatment_guide_primary_language( isset( $attributes['lang'] ) ? $attributes['lang'] : treatment_guide_page_language() ),
		'problems'   => $problems,
	);
}

/**
 * A value as short plain text for a message: at most 80 characters, no markup.
 *
 * @param mixed $value What was asked for.
 * @return string
 */
function treatment_guide_text( $value ) {
	$text = is_scalar( $value ) ? wp_strip_all_tags( (string) $value ) : '';
	return function_exists( 'mb_strimwidth' ) ? mb_strimwidth( $text, 0, 80, '…' ) : substr( $text, 0, 80 );
}

/**
 * `lang`: '' (the page's language decides), a language of the guide with
 * its region as written (`fr-CA`, the guide shows French), or false.
 *
 * @param mixed $value As saved.
 * @return string|false
 */
function treatment_guide_clean_lang( $value ) {
	if ( ! is_string( $value ) ) {
		return '';
	}
	$value = trim( $value );
	if ( '' === $value ) {
		return '';
	}
	if ( ! preg_match( TREATMENT_GUIDE_LANGUAGE_TAG, $value, $m ) ) {
		return false;
	}
	$primary = strtolower( $m[1] );
	if ( ! in_array( $primary, treatment_guide_languages(), true ) ) {
		return false;
	}
	return isset( $m[2] ) ? $primary . '-' . strtoupper( $m[2] ) : $primary;
}

/**
 * The guide's language for a language tag (`fr-CA` → `fr`); its default for any other.
 *
 * @param string $tag A language tag (`fr-CA`, `fr_FR`, `de`).
 * @return string
 */
function treatment_guide_primary_language( $tag ) {
	$primary = strtolower( (string) preg_replace( '/[-_].*$/', '', (string) $tag ) );
	return in_array( $primary, treatment_guide_languages(), true ) ? $primary : TREATMENT_GUIDE_DEFAULT_LANGUAGE;
}

/**
 * The language of the site's pages, as WordPress writes it in `<html lang>` (a
 * plugin that translates pages filters it per page).
 *
 * @return string
 */
function treatment_guide_page_language() {
	return get_locale();
}

/**
 * `open`: `all`, or the known section ids among those asked for, in the order asked.
 *
 * @param mixed $value      Ids separated by commas or spaces, or an array of ids.
 * @param bool  $own_content Whether a content file is used: its ids are its own, so any
 *                          well-formed id is kept.
 * @return array { value: string ('' for none), unknown: string[] }.
 */
function treatment_guide_clean_open( $value, $own_content ) {
	$asked = is_array( $value ) ? $value : preg_split( '/[\s,]+/', is_string( $value ) ? $value : '', -1, PREG_SPLIT_NO_EMPTY );
	$asked = array_map( 'strtolower', array_map( 'trim', array_filter( $asked, 'is_string' ) ) );
	if ( in_array( TREATMENT_GUIDE_OPEN_ALL, $asked, true ) ) {
		return array(
			'value'   => TREATMENT_GUIDE_OPEN_ALL,
			'unknown' => array(),
		);
	}
	$known   = treatment_guide_section_ids();
	$ids     = array();
	$unknown = array();
	foreach ( array_unique( array_filter( $asked, 'strlen' ) ) as $id ) {
		if ( in_array( $id, $known, true ) || ( $own_content && preg_match( TREATMENT_GUIDE_SLUG, $id ) ) ) {
			$ids[] = $id;
		} else {
			$unknown[] = $id;
		}
	}
	return array(
		'value'   => implode( ',', $ids ),
		'unknown' => $unknown,
	);
}

/**
 * `heading-level`: a level of TREATMENT_GUIDE_HEADING_LEVELS, or false.
 *
 * @param mixed $value As saved (number or digits).
 * @return int|false
 */
function treatment_guide_clean_heading_level( $value ) {
	if ( is_int( $value ) || ( is_string( $value ) && preg_match( '/^\s*[0-9]\s*$/', $value ) ) || ( is_float( $value ) && floor( $value ) === $value ) ) {
		$level = (int) $value;
		return in_array( $level, TREATMENT_GUIDE_HEADING_LEVELS, true ) ? $level : false;
	}
	return false;
}

/**
 * `content-src`: '' for none; an address on the site's own origin (or a path
 * on it), or on an origin an Administrator allowed (Settings › Treatment
 * guide); false for any other.
 *
 * @param mixed $value As saved.
 * @return string|false The address, unescaped (print it with esc_url).
 */
function treatment_guide_clean_content_src( $value ) {
	if ( ! is_string( $value ) ) {
		return '';
	}
	$value = trim( $value );
	if ( '' === $value ) {
		return '';
	}
	if ( preg_match( '/[\s<>"\'\\\\]/', $value ) ) {
		return false;
	}
	$parts = wp_parse_url( $value );
	if ( false === $parts ) {
		return false;
	}
	if ( ! isset( $parts['scheme'] ) && ! isset( $parts['host'] ) ) {
		// A path on this site ('/guide/content.json', 'content.json'), never '//elsewhere'.
		return 0 === strpos( $value, '//' ) ? false : $value;
	}
	$origin = treatment_guide_origin( $value );
	if ( null === $origin ) {
		return false;
	}
	return in_array( $origin, treatment_guide_allowed_origins(), true ) ? $value : false;
}

/**
 * The origin of an http(s) address (`https://example.org`, `http://127.0.0.1:8080`), lower-case, or null.
 *
 * @param string $url An address.
 * @return string|null
 */
function treatment_guide_origin( $url ) {
	$parts = wp_parse_url( trim( (string) $url ) );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return null;
	}
	$scheme = strtolower( $parts['scheme'] );
	if ( 'http' !== $scheme && 'https' !== $scheme ) {
		return null;
	}
	$default_port = 'https' === $scheme ? 443 : 80;
	$port         = isset( $parts['port'] ) && (int) $parts['port'] !== $default_port ? ':' . (int) $parts['port'] : '';
	return $scheme . '://' . strtolower( $parts['host'] ) . $port;
}

/**
 * The origins a content file may come from: the site's own (home and WordPress
 * addresses) and those an Administrator added.
 *
 * @return string[]
 */
function treatment_guide_allowed_origins() {
	$origins = array( treatment_guide_origin( home_url() ), treatment_guide_origin( site_url() ) );
	return array_values( array_unique( array_filter( array_merge( $origins, treatment_guide_option_origins() ) ) ) );
}
