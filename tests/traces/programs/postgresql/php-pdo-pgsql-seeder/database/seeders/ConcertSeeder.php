<?php
final class ConcertSeeder
{
    public function run(PDO $db): void
    {
        $stmt = $db->prepare('INSERT INTO concerts (venue_id, artist) VALUES (?, ?)');
        $stmt->execute([1, 'The Examples']);
    }
}
