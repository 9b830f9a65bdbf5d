<?php
/**
 * Plugin Name:       Treatment guide
 * Plugin URI:        https://www.npmjs.com/package/treatment-guide
 * Description:       Patient information on treatments for relapsed or refractory acute lymphocytic leukemia (ALL), in English and French, with a drug-name lookup: a block and a shortcode for every role. Nothing is sent anywhere.
 * Version:           {{version}}
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            treatment-guide
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       treatment-guide
 * Domain Path:       /languages
 *
 * @package TreatmentGuide
 */

defined( 'ABSPATH' ) || exit;

/** The plugin's version, the widget's (tools/wordpress-plugin.mjs writes it at pack time). */
define( 'TREATMENT_GUIDE_VERSION', '{{version}}' );
/** This file, for plugins_url() and the plugin's folder. */
define( 'TREATMENT_GUIDE_FILE', __FILE__ );
/** The plugin's folder, with a trailing slash. */
define( 'TREATMENT_GUIDE_DIR', plugin_dir_path( __FILE__ ) );

require_once TREATMENT_GUIDE_DIR . 'includes/guide.php';
require_once TREATMENT_GUIDE_DIR . 'includes/attributes.php';
require_once TREATMENT_GUIDE_DIR . 'includes/render.php';
require_once TREATMENT_GUIDE_DIR . 'includes/settings.php';
require_once TREATMENT_GUIDE_DIR . 'includes/i18n.php';

add_action( 'init', 'treatment_guide_load_textdomain', 0 );
add_action( 'init', 'treatment_guide_register' );
add_filter( 'script_loader_tag', 'treatment_guide_defer', 10, 2 );
add_action( 'enqueue_block_assets', 'treatment_guide_editor_preview_assets' );
add_action( 'admin_menu', 'treatment_guide_settings_menu' );
add_action( 'admin_init', 'treatment_guide_settings_init' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'treatment_guide_action_links' );
