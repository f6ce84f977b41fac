<?php
function get_book(int $id): ?array
{
    $stmt = $mysqli->prepare('SELECT id, title FROM books WHERE id = ?');
    $stmt->bind_param('i', $id);
    $stmt->execute();
    return $stmt->get_result()->fetch_assoc();
}
