<?php
/**
 * Renders shortcodes and blocks as a given user would see them on the site
 * (argv[1]: a login, or '' for a visitor). Reads JSON on stdin: a list of
 * post contents. Prints the rendered HTML of each, and the scripts and styles
 * enqueued by then.
 */
require __DIR__ . '/boot.php';
require '/usr/share/wordpress/wp-load.php';

$tg_user = isset( $argv[1] ) && '' !== $argv[1] ? get_user_by( 'login', $argv[1] ) : null;
wp_set_current_user( $tg_user ? $tg_user->ID : 0 );
$tg_contents = json_decode( stream_get_contents( STDIN ), true );
$tg_out      = array();
foreach ( $tg_contents as $tg_content ) {
	$tg_out[] = do_shortcode( do_blocks( $tg_content ) );
}
tg_out(
	array(
		'html'    => $tg_out,
		'scripts' => wp_scripts()->queue,
		'styles'  => wp_styles()->queue,
	)
);
