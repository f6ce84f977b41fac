<?php
$dsn = 'mysql:host=127.0.0.1;port=3307;dbname=shop;charset=utf8mb4';
$pdo = new PDO($dsn, 'shop_app', 'secret', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
echo "db ok\n";
