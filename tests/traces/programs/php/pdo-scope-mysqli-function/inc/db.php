<?php
$mysqli = new mysqli('127.0.0.1', 'shop_app', 'Sh0p-dev!', 'library');
$mysqli->set_charset('utf8mb4');
