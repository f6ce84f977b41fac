<?php
require __DIR__ . '/database/seeders/OrderSeeder.php';
require __DIR__ . '/database/seeders/CustomerSeeder.php';

$db = new PDO('mysql:host=127.0.0.1;dbname=shop;charset=utf8mb4', 'shop_app', 'Sh0p-dev!', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
foreach ([OrderSeeder::class, CustomerSeeder::class] as $class) {
    echo "Seeding: $class\n";
    (new $class())->run($db);
    echo "Seeded:  $class\n";
}
