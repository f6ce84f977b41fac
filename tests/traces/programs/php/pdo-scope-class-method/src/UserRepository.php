<?php
require_once __DIR__ . '/db.php';

class UserRepository
{
    public function find(int $id): ?array
    {
        $stmt = $conn->prepare('SELECT id, email FROM users WHERE id = ?');
        $stmt->execute([$id]);
        return $stmt->fetch(PDO::FETCH_ASSOC) ?: null;
    }
}
