<?php
require __DIR__ . '/../inc/config.php';

if (($_GET['ok'] ?? '') === '1') {
    header('Location: /dashboard.php');
    exit;
}
echo "login form";
