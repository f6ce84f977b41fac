<?php
require __DIR__ . '/../src/RegistrationRepository.php';

$db = new PDO('mysql:host=127.0.0.1;dbname=events_app;charset=utf8mb4', 'shop_app', 'Sh0p-dev!', [
    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
]);
$repo = new RegistrationRepository($db);

// The sign-up form posts the event's slug position, not its id.
$_POST = ['event' => '3', 'name' => 'Dana K.'];
$id = $repo->register((int) $_POST['event'], $_POST['name']);
echo "registration #$id\n";
