<?php
require __DIR__ . '/src/ProductRepository.php';

$repo = new ProductRepository(__DIR__ . '/var/catalog.sqlite');
var_dump($repo->price('MUG-01'));
