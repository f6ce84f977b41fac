<?php
function db_connect($conn)
{
    $conn = new PDO('sqlite:' . __DIR__ . '/../data/blog.sqlite');
    $conn->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
    $conn->exec('CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, title TEXT)');
    return true;
}
