<?php
require_once __DIR__ . '/../lib/orders.php';

header('Content-Type: application/json');
echo json_encode(recent_orders(20));
