<?php
$db = new PDO('mysql:host=127.0.0.1;dbname=legacy_cms;charset=utf8mb4', 'shop_app', 'Sh0p-dev!');
