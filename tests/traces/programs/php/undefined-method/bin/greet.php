<?php
require __DIR__ . '/../src/Models/User.php';

use App\Models\User;

$u = new User('Ada', 'Lovelace');
echo 'Hello ' . $u->getFullName() . PHP_EOL;
