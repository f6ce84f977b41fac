<?php
/**
 * Plugin Name: Acme Reports
 * Description: PDF sales reports.
 * Version: 2.4.0
 */
require_once __DIR__ . '/vendor/acme/pdf-engine/src/FontLibrary.php';

add_action('init', function () {
    // loads every font so the report screen opens faster
    $fonts = new Acme\PdfEngine\FontLibrary();
    $fonts->loadAll(__DIR__ . '/vendor/acme/pdf-engine/fonts');
});
