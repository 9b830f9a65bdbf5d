<?php
/**
 * The block, the shortcode and their files: both print the same element,
 * with checked attributes and the plain guide inside it, and enqueue the
 * loader (deferred) only on the pages that show a guide.
 *
 * @package TreatmentGuide
 */

defined( 'ABSPATH' ) || exit;

/** The loader's script handle (dist/treatment-guide.js). */
const TREATMENT_GUIDE_SCRIPT = 'treatment-guide';
/** The handle of the small stylesheet for the page around the element (guide.css). */
const TREATMENT_GUIDE_STYLE = 'treatment-guide';
/** The block editor's script handle (editor.js). */
const TREATMENT_GUIDE_EDITOR_SCRIPT = 'treatment-guide-editor';
/** The shortcode's tag. */
const TREATMENT_GUIDE_SHORTCODE = 'treatment_guide';

/** Registers the files, the block (block.json) and the shortcode. */
function treatment_guide_register() {
	// The loader loads every other file of dist/ relative to its own address.
	wp_register_script(
		TREATMENT_GUIDE_SCRIPT,
		plugins_url( 'dist/treatment-guide.js', TREATMENT_GUIDE_FILE ),
		array(),
		TREATMENT_GUIDE_VERSION,
		// WordPress 6.3 and later read `strategy`; 6.1 and 6.2 see a true `in_footer`,
		// and treatment_guide_defer() adds `defer` for them.
		array(
			'in_footer' => true,
			'strategy'  => 'defer',
		)
	);
	wp_register_style( TREATMENT_GUIDE_STYLE, plugins_url( 'guide.css', TREATMENT_GUIDE_FILE ), array(), TREATMENT_GUIDE_VERSION );
	wp_register_script(
		TREATMENT_GUIDE_EDITOR_SCRIPT,
		plugins_url( 'editor.js', TREATMENT_GUIDE_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n', 'wp-server-side-render' ),
		TREATMENT_GUIDE_VERSION,
		true
	);
	wp_set_script_translations( TREATMENT_GUIDE_EDITOR_SCRIPT, 'treatment-guide', TREATMENT_GUIDE_DIR . 'languages' );
	// What the sidebar offers, from the bundled guide (editor pages only: never on the site's pages).
	wp_add_inline_script( TREATMENT_GUIDE_EDITOR_SCRIPT, 'window.treatmentGuideEditor = ' . wp_json_encode( treatment_guide_editor_facts() ) . ';', 'before' );

	register_block_type( TREATMENT_GUIDE_DIR, array( 'render_callback' => 'treatment_guide_render_block' ) );
	add_shortcode( TREATMENT_GUIDE_SHORTCODE, 'treatment_guide_render_shortcode' );
}

/**
 * The sidebar's choices: the guide's languages (name, sections with their
 * titles), the site's language, the heading levels.
 *
 * @return array
 */
function treatment_guide_editor_facts() {
	$languages = array();
	foreach ( treatment_guide_facts()['languages'] as $code => $language ) {
		$languages[ $code ] = array(
			'name'     => isset( $language['name'] ) ? $language['name'] : $code,
			'sections' => $language['sections'],
		);
	}
	return array(
		'languages'       => $languages,
		'defaultLanguage' => TREATMENT_GUIDE_DEFAULT_LANGUAGE,
		'siteLanguage'    => treatment_guide_primary_language( get_locale() ),
		'headingLevels'   => TREATMENT_GUIDE_HEADING_LEVELS,
	);
}

/**
 * The block's markup (block.json's attributes; the block is dynamic, so the
 * post stores only its comment, which kses leaves alone).
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function treatment_guide_render_block( $attributes ) {
	$wrapper = function_exists( 'get_block_wrapper_attributes' ) ? get_block_wrapper_attributes() : '';
	return treatment_guide_element( is_array( $attributes ) ? $attributes : array(), $wrapper );
}

/**
 * `[treatment_guide lang="fr" open="chemotherapy" heading_level="3" content_src="/guide.json"]`
 * (`heading-level` and `content-src` are read too).
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 * @return string
 */
function treatment_guide_render_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	$pick = function ( $names ) use ( $atts ) {
		foreach ( $names as $name ) {
			if ( isset( $atts[ $name ] ) ) {
				return $atts[ $name ];
			}
		}
		return '';
	};
	return treatment_guide_element(
		array(
			'lang'         => $pick( array( 'lang' ) ),
			'open'         => $pick( array( 'open' ) ),
			'headingLevel' => $pick( array( 'heading_level', 'heading-level', 'headinglevel' ) ),
			'contentSrc'   => $pick( array( 'content_src', 'content-src', 'contentsrc' ) ),
		),
		'class="treatment-guide-shortcode"'
	);
}

/**
 * Whether this is the block editor's preview of the block (the block renderer
 * of the REST API, for a user who can edit).
 *
 * @return bool
 */
function treatment_guide_is_preview() {
	return defined( 'REST_REQUEST' ) && REST_REQUEST && current_user_can( 'edit_posts' );
}

/**
 * `<treatment-guide …>` with the plain guide inside, and the loader enqueued.
 *
 * @param array  $raw     `lang`, `open`, `headingLevel`, `contentSrc`, as saved.
 * @param string $wrapper Attributes WordPress gives the block's element (`class="…"`), already escaped.
 * @return string
 */
function treatment_guide_element( $raw, $wrapper ) {
	$clean      = treatment_guide_clean_attributes( $raw );
	$attributes = $clean['attributes'];
	$preview    = treatment_guide_is_preview();
	if ( $preview && ! isset( $attributes['lang'] ) ) {
		// The editor's page is in the user's language; the preview shows the site's, as readers get it.
		$attributes = array( 'lang' => $clean['language'] ) + $attributes;
	}

	wp_enqueue_script( TREATMENT_GUIDE_SCRIPT );
	wp_enqueue_style( TREATMENT_GUIDE_STYLE );

	$html = '';
	foreach ( $attributes as $name => $value ) {
		$escaped = 'content-src' === $name ? esc_url( $value ) : esc_attr( $value );
		$html   .= ' ' . $name . '="' . $escaped . '"';
	}
	$wrapper = trim( (string) $wrapper );
	$element = '<treatment-guide' . ( '' !== $wrapper ? ' ' . $wrapper : '' ) . $html . '>'
		. treatment_guide_plain( $clean['language'] )
		. '</treatment-guide>';

	if ( $preview && $clean['problems'] ) {
		$notice = '<div class="treatment-guide-problems" role="note"><ul>';
		foreach ( $clean['problems'] as $problem ) {
			$notice .= '<li>' . esc_html( $problem ) . '</li>';
		}
		$element = $notice . '</ul></div>' . $element;
	}
	return $element;
}

/**
 * Adds `defer` to the loader's script tag, for WordPress before 6.3 (which
 * ignores the `strategy` argument); a tag that has it already is left as it is.
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function treatment_guide_defer( $tag, $handle ) {
	if ( TREATMENT_GUIDE_SCRIPT !== $handle || preg_match( '/<script[^>]*\sdefer[\s=>]/i', $tag ) ) {
		return $tag;
	}
	return preg_replace( '/<script(?=[^>]*\ssrc=)/i', '<script defer', $tag, 1 );
}

/**
 * In the block editor, the loader and the page stylesheet, so the preview
 * (the server's markup, from the REST API) becomes the live guide. The block
 * editor runs `enqueue_block_assets` for its canvas, in its iframe too (6.3+).
 */
function treatment_guide_editor_preview_assets() {
	if ( is_admin() ) {
		wp_enqueue_script( TREATMENT_GUIDE_SCRIPT );
		wp_enqueue_style( TREATMENT_GUIDE_STYLE );
	}
}
