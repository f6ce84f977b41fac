<?php
$pdo = new PDO('mysql:host=127.0.0.1;dbname=crm', 'shop_app', 'Sh0p-dev!', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);

$contact = ['name' => 'Hoang Thi Mai', 'phone' => '+84 (0) 28 3822 9999 ext. 4410'];
$stmt = $pdo->prepare('INSERT INTO contacts (name, phone) VALUES (:name, :phone)');
$stmt->execute($contact);
echo "saved contact ", $pdo->lastInsertId(), PHP_EOL;
