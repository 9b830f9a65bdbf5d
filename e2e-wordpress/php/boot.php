<?php
/**
 * Loads the test site's WordPress for a command-line script of e2e-wordpress/
 * (Debian's wp-config.php finds the site's configuration through
 * WORDPRESS_CONFIG, set by stack.mjs). Scripts print JSON on stdout.
 */

$tg_url = getenv( 'TG_SITE_URL' );
if ( ! $tg_url ) {
	fwrite( STDERR, "TG_SITE_URL is not set: run through e2e-wordpress/stack.mjs\n" );
	exit( 2 );
}
// What a web request would give: Debian's wp-config.php and WordPress read these.
$_SERVER['HTTP_HOST']       = parse_url( $tg_url, PHP_URL_HOST ) . ':' . parse_url( $tg_url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']     = parse_url( $tg_url, PHP_URL_HOST );
$_SERVER['SERVER_PORT']     = (string) parse_url( $tg_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

/** Prints `$value` as JSON and ends the script. */
function tg_out( $value ) {
	echo json_encode( $value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), "\n";
	exit( 0 );
}

/** Ends the script with a message on stderr. */
function tg_fail( $message ) {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}
