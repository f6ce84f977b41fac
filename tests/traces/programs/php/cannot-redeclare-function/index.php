<?php
include __DIR__ . '/inc/helpers.php';
include __DIR__ . '/inc/header.php';
echo format_price(12.5), "\n";
