<?php
/**
 * Deleting the plugin (Plugins › Delete) leaves nothing behind: its one
 * option, on every site of a network. Posts keep their blocks and shortcodes
 * as written; without the plugin, a block shows nothing and a shortcode shows as its text.
 *
 * @package TreatmentGuide
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

$treatment_guide_option = 'treatment_guide_content_origins';

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $treatment_guide_site ) {
		switch_to_blog( $treatment_guide_site );
		delete_option( $treatment_guide_option );
		restore_current_blog();
	}
} else {
	delete_option( $treatment_guide_option );
}
