<?php
require __DIR__ . '/src/Money.php';
$m = new Money(1000, 'EUR');
echo $m->add(250)->cents, PHP_EOL;
