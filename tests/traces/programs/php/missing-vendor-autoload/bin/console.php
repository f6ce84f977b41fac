<?php
require __DIR__ . '/../vendor/autoload.php';

$log = new Monolog\Logger('console');
$log->info('started');
