<?php
require __DIR__ . '/wp-config.php';
echo 'home';
