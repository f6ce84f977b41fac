<?php
$pdo = new PDO('sqlite:' . __DIR__ . '/../data/inventory.sqlite');
$pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$pdo->exec('CREATE TABLE IF NOT EXISTS items (sku TEXT PRIMARY KEY, name TEXT, qty INTEGER)');
$pdo->exec("INSERT OR IGNORE INTO items VALUES ('LAMP-OAK', 'Oak desk lamp', 3), ('SHELF-W90', 'Wall shelf 90cm', 0)");
