<?php
/**
 * Plugin Name: Acme Sitemaps
 * Version: 2.3.1
 */
require_once __DIR__ . '/includes/class-sitemap-builder.php';

function acme_sitemaps_rebuild(): void
{
    $builder = new Acme_Sitemap_Builder();
    $builder->collect(250000);
}
