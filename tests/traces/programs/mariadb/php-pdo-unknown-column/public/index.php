<?php
require __DIR__ . '/../src/PostRepository.php';
$db = new PDO('mysql:host=127.0.0.1;dbname=blog;charset=utf8mb4', 'shop_app', 'Sh0p-dev!', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
foreach ((new PostRepository($db))->recent() as $p) {
    echo "<h2>{$p['title']}</h2>\n";
}
