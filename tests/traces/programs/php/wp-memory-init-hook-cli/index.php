<?php
require __DIR__ . '/wp-load.php';
echo '<!doctype html><title>Shop</title><h1>Welcome</h1>';
