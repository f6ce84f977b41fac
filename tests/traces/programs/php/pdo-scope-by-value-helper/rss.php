<?php
require __DIR__ . '/lib/database.php';

db_connect($conn);
$posts = $conn->query('SELECT id, title FROM posts ORDER BY id DESC LIMIT 10')->fetchAll();
foreach ($posts as $p) {
    echo "<item><title>{$p['title']}</title></item>\n";
}
