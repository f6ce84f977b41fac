<?php
declare(strict_types=1);

final class OrderRepository
{
    private PDO $pdo;

    public function __construct(array $config)
    {
        $pdo = new PDO($config['dsn'], $config['user'], $config['pass'], [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    }

    public function countOpen(): int
    {
        return (int) $this->pdo->query("SELECT COUNT(*) FROM orders WHERE status = 'open'")->fetchColumn();
    }
}
