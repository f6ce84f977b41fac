<?php
require_once __DIR__ . '/../config/db.php';

function recent_orders(int $limit): array
{
    $stmt = $conn->prepare('SELECT id, customer, total FROM orders ORDER BY id DESC LIMIT ?');
    $stmt->execute([$limit]);
    return $stmt->fetchAll(PDO::FETCH_ASSOC);
}
