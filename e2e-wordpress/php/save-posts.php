<?php
/**
 * Saves posts as given users, through the REST API that the block editor
 * uses to save (the same capability checks and the same kses filtering: a
 * user without `unfiltered_html` gets kses, set up by wp_set_current_user).
 * Reads JSON on stdin: [ { key, user (login), title, content } ]. An Author
 * or Administrator publishes; a Contributor submits for review.
 * Prints { key: { id, status, url, unfiltered_html, sent, stored } }.
 */
require __DIR__ . '/boot.php';
require '/usr/share/wordpress/wp-load.php';

$tg_posts = json_decode( stream_get_contents( STDIN ), true );
if ( ! is_array( $tg_posts ) ) {
	tg_fail( 'save-posts.php: no JSON list on stdin' );
}
$tg_saved = array();
foreach ( $tg_posts as $tg_post ) {
	$tg_user = get_user_by( 'login', $tg_post['user'] );
	if ( ! $tg_user ) {
		tg_fail( 'save-posts.php: no user ' . $tg_post['user'] );
	}
	wp_set_current_user( $tg_user->ID );
	$tg_request = new WP_REST_Request( 'POST', '/wp/v2/posts' );
	$tg_request->set_body_params(
		array(
			'title'   => $tg_post['title'],
			'content' => $tg_post['content'],
			'status'  => current_user_can( 'publish_posts' ) ? 'publish' : 'pending',
		)
	);
	$tg_response = rest_do_request( $tg_request );
	if ( $tg_response->is_error() ) {
		tg_fail( 'save-posts.php: ' . $tg_post['key'] . ': ' . wp_json_encode( $tg_response->get_data() ) );
	}
	$tg_id                       = $tg_response->get_data()['id'];
	$tg_saved[ $tg_post['key'] ] = array(
		'id'              => $tg_id,
		'status'          => get_post_status( $tg_id ),
		'url'             => get_permalink( $tg_id ),
		'unfiltered_html' => current_user_can( 'unfiltered_html' ),
		'sent'            => $tg_post['content'],
		'stored'          => get_post_field( 'post_content', $tg_id, 'raw' ),
	);
}
tg_out( $tg_saved );
