<?php
/**
 * Creates the test's users besides the Administrator: an Author and a
 * Contributor (argv[1]: the Contributor's locale, e.g. fr_FR). Their password
 * is `<login>-password`. Prints { author, contributor } (ids).
 */
require __DIR__ . '/boot.php';
require '/usr/share/wordpress/wp-load.php';

$tg_ids = array();
foreach ( array( 'author', 'contributor' ) as $tg_role ) {
	$tg_id = wp_insert_user(
		array(
			'user_login' => $tg_role,
			'user_pass'  => $tg_role . '-password',
			'user_email' => $tg_role . '@example.org',
			'role'       => $tg_role,
			'locale'     => 'contributor' === $tg_role && isset( $argv[1] ) ? $argv[1] : '',
		)
	);
	if ( is_wp_error( $tg_id ) ) {
		tg_fail( $tg_id->get_error_message() );
	}
	// The block editor's welcome guide, already seen (as after a first visit).
	update_user_meta( $tg_id, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ) ) );
	$tg_ids[ $tg_role ] = $tg_id;
}
tg_out( $tg_ids );
