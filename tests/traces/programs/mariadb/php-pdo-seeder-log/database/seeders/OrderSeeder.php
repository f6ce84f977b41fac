<?php
final class OrderSeeder
{
    public function run(PDO $db): void
    {
        $stmt = $db->prepare('INSERT INTO orders (id, customer_id, total) VALUES (?, ?, ?)');
        foreach ([[1, 1, 19.90], [2, 2, 5.00]] as $row) {
            $stmt->execute($row);
        }
    }
}
