<?php
require __DIR__ . '/src/UserRepository.php';

$repo = new UserRepository();
$userId = (int) ($argv[1] ?? 0);
$user = $repo->find($userId);
echo "sending reset link to " . $user->getEmail() . "\n";
