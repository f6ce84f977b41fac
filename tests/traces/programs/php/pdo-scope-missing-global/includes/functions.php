<?php
function page_title(int $id): string
{
    global $db;
    $row = $db->query('SELECT title FROM pages WHERE id = ' . (int) $id)->fetch();
    return $row ? $row['title'] : 'Untitled';
}

function menu_items(): array
{
    return $db->query('SELECT id, title FROM pages WHERE in_menu = 1 ORDER BY position')->fetchAll();
}
