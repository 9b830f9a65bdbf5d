<?php
/**
 * The site's state for the test: the active theme, whether the plugin is
 * active and where, its option, and the plugin's strings in a locale
 * (argv[1], e.g. fr_CA), loaded as the plugin loads them.
 */
require __DIR__ . '/boot.php';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$tg_plugin = 'treatment-guide/treatment-guide.php';
$tg_state  = array(
	'theme'          => get_stylesheet(),
	'version'        => get_bloginfo( 'version' ),
	'active'         => is_plugin_active( $tg_plugin ),
	'installed'      => file_exists( WP_PLUGIN_DIR . '/' . $tg_plugin ),
	'plugin_dir'     => WP_PLUGIN_DIR . '/treatment-guide',
	'option'         => get_option( 'treatment_guide_content_origins', null ),
	'options_like'   => $GLOBALS['wpdb']->get_col( "SELECT option_name FROM {$GLOBALS['wpdb']->options} WHERE option_name LIKE '%treatment%'" ),
	'shortcode'      => shortcode_exists( 'treatment_guide' ),
	'block'          => WP_Block_Type_Registry::get_instance()->is_registered( 'treatment-guide/guide' ),
);
if ( ! empty( $argv[1] ) && function_exists( 'treatment_guide_load_textdomain' ) ) {
	// The locale a user or the site would have (any locale, installed or not).
	$tg_locale = $argv[1];
	add_filter(
		'determine_locale',
		function () use ( $tg_locale ) {
			return $tg_locale;
		}
	);
	unload_textdomain( 'treatment-guide' );
	treatment_guide_load_textdomain();
	$tg_state['strings'] = array(
		'name'     => __( 'Treatment guide', 'treatment-guide' ),
		'settings' => __( 'Settings', 'treatment-guide' ),
		'block'    => translate_with_gettext_context( 'Treatment guide', 'block title', 'treatment-guide' ),
	);
}
tg_out( $tg_state );
