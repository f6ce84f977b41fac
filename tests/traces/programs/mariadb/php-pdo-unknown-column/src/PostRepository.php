<?php
final class PostRepository
{
    public function __construct(private PDO $db) {}

    public function recent(): array
    {
        return $this->db->query('SELECT id, title FROM posts WHERE published = 1 ORDER BY published_at DESC LIMIT 5')->fetchAll();
    }
}
