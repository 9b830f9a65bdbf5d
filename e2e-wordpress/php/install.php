<?php
/**
 * Installs WordPress on the empty database, as wp-admin/install.php does, with
 * the Administrator `admin` (password `admin-password`) and the theme given
 * (argv[1]) active. Prints { version, theme, admin }.
 */
require __DIR__ . '/boot.php';
define( 'WP_INSTALLING', true );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$tg_theme  = isset( $argv[1] ) ? $argv[1] : '';
$tg_result = wp_install( 'A charity', 'admin', 'admin@example.org', false, '', 'admin-password' );
if ( is_wp_error( $tg_result ) || empty( $tg_result['user_id'] ) ) {
	tg_fail( 'wp_install failed: ' . print_r( $tg_result, true ) );
}
if ( $tg_theme && get_stylesheet() !== $tg_theme ) {
	switch_theme( $tg_theme );
}
tg_out(
	array(
		'version' => get_bloginfo( 'version' ),
		'theme'   => get_stylesheet(),
		'themes'  => array_keys( wp_get_themes() ),
		'admin'   => $tg_result['user_id'],
	)
);
