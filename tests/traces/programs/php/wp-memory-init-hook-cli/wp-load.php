<?php
// Minimal stand-in for WordPress's bootstrap: hooks, options and the active plugins.
define('ABSPATH', __DIR__ . '/');
define('WP_CONTENT_DIR', ABSPATH . 'wp-content');
if (!defined('WP_MEMORY_LIMIT')) {
    define('WP_MEMORY_LIMIT', '40M');
}
$GLOBALS['wp_filter'] = [];

function add_action(string $hook, callable $cb, int $priority = 10): void { $GLOBALS['wp_filter'][$hook][$priority][] = $cb; }
function do_action(string $hook, ...$args): void
{
    $callbacks = $GLOBALS['wp_filter'][$hook] ?? [];
    ksort($callbacks);
    foreach ($callbacks as $list) { foreach ($list as $cb) { $cb(...$args); } }
}
function get_option(string $name, $default = false) { return $default; }
function is_admin(): bool { return defined('WP_ADMIN') && WP_ADMIN; }

// wp_initial_constants(): raise memory_limit to WP_MEMORY_LIMIT when it is higher, never lower it
if (wp_convert_hr_to_bytes(ini_get('memory_limit')) < wp_convert_hr_to_bytes(WP_MEMORY_LIMIT)) {
    ini_set('memory_limit', WP_MEMORY_LIMIT);
}
function wp_convert_hr_to_bytes(string $v): int
{
    $v = strtolower(trim($v)); $n = (int) $v;
    if (str_contains($v, 'g')) { $n *= 1024 * 1024 * 1024; } elseif (str_contains($v, 'm')) { $n *= 1024 * 1024; } elseif (str_contains($v, 'k')) { $n *= 1024; }
    return $n;
}

foreach (glob(WP_CONTENT_DIR . '/plugins/*/*.php') as $plugin) {
    include_once $plugin;
}
do_action('plugins_loaded');
do_action('init');
