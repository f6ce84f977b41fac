<?php
// What wp-cron runs for the 'acme_sitemaps_rebuild' event, without the rest of WordPress.
require __DIR__ . '/wp-content/plugins/acme-sitemaps/acme-sitemaps.php';
acme_sitemaps_rebuild();
