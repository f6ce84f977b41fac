<?php
declare(strict_types=1);
require __DIR__ . '/../src/OrderRepository.php';

$repo = new OrderRepository(['dsn' => 'mysql:host=127.0.0.1;dbname=shop;charset=utf8mb4', 'user' => 'shop_app', 'pass' => 'Sh0p-dev!']);
echo $repo->countOpen(), " open orders\n";
