<?php
$cfg = require __DIR__ . '/config/db.php';
$pdo = new PDO($cfg['dsn'], $cfg['user'], $cfg['pass']);
echo "connected\n";
