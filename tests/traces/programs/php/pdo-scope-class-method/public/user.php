<?php
require __DIR__ . '/../src/UserRepository.php';

$repo = new UserRepository();
$user = $repo->find(7);
echo json_encode($user), PHP_EOL;
