<?php
/**
 * Settings › Treatment guide, for Administrators: the other sites a content
 * file (`content-src`) may come from. The plugin's only stored setting; the
 * uninstall deletes it (uninstall.php).
 *
 * @package TreatmentGuide
 */

defined( 'ABSPATH' ) || exit;

/** The option: origins (`https://host[:port]`) content files may come from, besides the site's own. */
const TREATMENT_GUIDE_OPTION = 'treatment_guide_content_origins';
/** The settings page's slug and settings group. */
const TREATMENT_GUIDE_SETTINGS_PAGE = 'treatment-guide';

/**
 * The origins an Administrator allowed, as stored.
 *
 * @return string[]
 */
function treatment_guide_option_origins() {
	$stored = get_option( TREATMENT_GUIDE_OPTION, array() );
	return is_array( $stored ) ? array_values( array_filter( $stored, 'is_string' ) ) : array();
}

/**
 * The option from the settings form: one address a line; each kept as its
 * origin when it is an http(s) address, the others named in an error.
 *
 * @param mixed $value The textarea's text (or an array of addresses).
 * @return string[]
 */
function treatment_guide_sanitize_origins( $value ) {
	$lines   = is_array( $value ) ? $value : preg_split( '/[\r\n]+/', is_string( $value ) ? $value : '', -1, PREG_SPLIT_NO_EMPTY );
	$origins = array();
	$refused = array();
	foreach ( $lines as $line ) {
		$line = trim( (string) $line );
		if ( '' === $line ) {
			continue;
		}
		$origin = treatment_guide_origin( $line );
		if ( null === $origin ) {
			$refused[] = $line;
		} elseif ( ! in_array( $origin, $origins, true ) ) {
			$origins[] = $origin;
		}
	}
	if ( $refused && function_exists( 'add_settings_error' ) ) {
		add_settings_error(
			TREATMENT_GUIDE_OPTION,
			'treatment-guide-refused',
			/* translators: %s: the addresses left out, separated by commas. */
			sprintf( __( 'Left out, as they are not http or https addresses: %s', 'treatment-guide' ), implode( ', ', array_map( 'treatment_guide_text', $refused ) ) )
		);
	}
	return $origins;
}

/** Registers the option and its field. */
function treatment_guide_settings_init() {
	register_setting(
		TREATMENT_GUIDE_SETTINGS_PAGE,
		TREATMENT_GUIDE_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'treatment_guide_sanitize_origins',
			'default'           => array(),
			'show_in_rest'      => false,
		)
	);
	add_settings_section( 'treatment-guide-content', __( 'Content files', 'treatment-guide' ), 'treatment_guide_settings_intro', TREATMENT_GUIDE_SETTINGS_PAGE );
	add_settings_field(
		TREATMENT_GUIDE_OPTION,
		__( 'Other sites allowed', 'treatment-guide' ),
		'treatment_guide_origins_field',
		TREATMENT_GUIDE_SETTINGS_PAGE,
		'treatment-guide-content',
		array( 'label_for' => TREATMENT_GUIDE_OPTION )
	);
}

/** The section's introduction. */
function treatment_guide_settings_intro() {
	echo '<p>' . esc_html__( 'A guide block or shortcode may show your own content file instead of the built-in guide. Files on this site are always allowed. List here, one a line, the other sites such a file may come from; a file from any other site is left out.', 'treatment-guide' ) . '</p>';
}

/** The textarea of allowed origins. */
function treatment_guide_origins_field() {
	printf(
		'<textarea id="%1$s" name="%1$s" rows="4" cols="50" class="large-text code" aria-describedby="%1$s-help">%2$s</textarea>',
		esc_attr( TREATMENT_GUIDE_OPTION ),
		esc_textarea( implode( "\n", treatment_guide_option_origins() ) )
	);
	printf(
		'<p class="description" id="%s-help">%s</p>',
		esc_attr( TREATMENT_GUIDE_OPTION ),
		esc_html__( 'For example https://content.example.org. The site must send the file with an Access-Control-Allow-Origin header that names this site.', 'treatment-guide' )
	);
}

/** Adds Settings › Treatment guide, for users who can manage options. */
function treatment_guide_settings_menu() {
	add_options_page(
		__( 'Treatment guide', 'treatment-guide' ),
		__( 'Treatment guide', 'treatment-guide' ),
		'manage_options',
		TREATMENT_GUIDE_SETTINGS_PAGE,
		'treatment_guide_settings_page'
	);
}

/** The settings page. */
function treatment_guide_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<p>' . esc_html__( 'Add the guide to a post or page with the "Treatment guide" block, or with the shortcode [treatment_guide]. Authors and Contributors can use both.', 'treatment-guide' ) . '</p>';
	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( TREATMENT_GUIDE_SETTINGS_PAGE );
	do_settings_sections( TREATMENT_GUIDE_SETTINGS_PAGE );
	submit_button();
	echo '</form></div>';
}

/**
 * A "Settings" link beside the plugin's on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function treatment_guide_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=' . TREATMENT_GUIDE_SETTINGS_PAGE );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'treatment-guide' ) . '</a>' );
	return $links;
}
