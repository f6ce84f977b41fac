<?php
require __DIR__ . '/src/User.php';
$u = new User(7, 'kim@example.org');
$u->nickname = 'kim';
echo "imported {$u->email} as {$u->nickname}\n";
