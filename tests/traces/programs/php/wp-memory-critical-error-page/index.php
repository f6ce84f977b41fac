<?php
// like WP_Fatal_Error_Handler: turn a fatal error into the "critical error" page
register_shutdown_function(function () {
    $e = error_get_last();
    if ($e && in_array($e['type'], [E_ERROR, E_CORE_ERROR, E_COMPILE_ERROR, E_USER_ERROR, E_RECOVERABLE_ERROR], true)) {
        if (!headers_sent()) {
            http_response_code(500);
            header('Content-Type: text/html; charset=utf-8');
        }
        echo '<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>WordPress &rsaquo; Error</title></head>';
        echo '<body id="error-page"><div class="wp-die-message"><p>There has been a critical error on this website.</p>';
        echo '<p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div></body></html>';
    }
});
require __DIR__ . '/wp-load.php';
echo '<!doctype html><title>Shop</title><h1>Welcome</h1>';
