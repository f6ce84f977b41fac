<?php
include 'inc/db.php';
include 'inc/functions.php';

$book = get_book(3);
echo $book['title'] ?? 'not found', "\n";
