<?php
function find_customer(int $id): ?array
{
    $stmt = $conn->prepare('SELECT id, name, email FROM customers WHERE id = ?');
    $stmt->execute([$id]);
    return $stmt->fetch(PDO::FETCH_ASSOC) ?: null;
}
