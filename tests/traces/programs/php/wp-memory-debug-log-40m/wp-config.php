<?php
// wp-config.php excerpt
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', true);
define('WP_DEBUG_DISPLAY', false);
ini_set('display_errors', '0');
ini_set('log_errors', '1');
ini_set('error_log', __DIR__ . '/wp-content/debug.log');
require __DIR__ . '/wp-load.php';
