<?php
class ProductRepository
{
    private $db;

    public function __construct(string $path)
    {
        $db = new PDO('sqlite:' . $path);
        $db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
        $db->exec('CREATE TABLE IF NOT EXISTS products (sku TEXT PRIMARY KEY, price INTEGER)');
    }

    public function price(string $sku): ?int
    {
        $stmt = $this->db->prepare('SELECT price FROM products WHERE sku = ?');
        $stmt->execute([$sku]);
        $p = $stmt->fetchColumn();
        return $p === false ? null : (int) $p;
    }
}
