<?php
require __DIR__ . '/database/seeders/DatabaseSeeder.php';
$db = new PDO('pgsql:host=127.0.0.1;dbname=events', 'shop_app', 'Sh0p-dev!', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
(new DatabaseSeeder())->run($db);
