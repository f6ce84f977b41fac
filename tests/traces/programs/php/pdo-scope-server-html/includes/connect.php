<?php
$conn = new PDO('mysql:host=127.0.0.1;dbname=crm_dev;charset=utf8mb4', 'shop_app', 'Sh0p-dev!', [
    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
]);
