<?php
function lowStock(int $threshold): array
{
    $stmt = $pdo->prepare('SELECT sku, name, qty FROM items WHERE qty <= ? ORDER BY qty');
    $stmt->execute([$threshold]);
    return $stmt->fetchAll(PDO::FETCH_ASSOC);
}
