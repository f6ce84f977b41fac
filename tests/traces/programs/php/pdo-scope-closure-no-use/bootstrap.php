<?php
$pdo = new PDO('pgsql:host=127.0.0.1;dbname=metrics', 'shop_app', 'Sh0p-dev!', [
    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
]);
