<?php
// wp-admin/admin-ajax.php (stand-in): admin requests get WP_MAX_MEMORY_LIMIT
define('WP_ADMIN', true);
define('WP_MAX_MEMORY_LIMIT', '256M');
require dirname(__DIR__) . '/wp-load.php';
ini_set('memory_limit', WP_MAX_MEMORY_LIMIT);
do_action('admin_init');
echo json_encode(['success' => true]);
