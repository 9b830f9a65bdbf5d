<?php
/**
 * Deactivates and deletes the plugin as Plugins › Delete does (its
 * uninstall.php runs). Prints what delete_plugins() returned.
 */
require __DIR__ . '/boot.php';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

wp_set_current_user( 1 );
$tg_plugin = 'treatment-guide/treatment-guide.php';
deactivate_plugins( $tg_plugin );
$tg_result = delete_plugins( array( $tg_plugin ) );
tg_out( array( 'deleted' => true === $tg_result, 'result' => is_wp_error( $tg_result ) ? $tg_result->get_error_message() : $tg_result ) );
