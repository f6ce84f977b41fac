<?php
$campaigns = [
    ['name' => 'spring-sale', 'sent' => 12000, 'clicks' => 840],
    ['name' => 'win-back',    'sent' => 0,     'clicks' => 0],
];

function clickRate(array $c): string
{
    return number_format(intdiv($c['clicks'] * 10000, $c['sent']) / 100, 2) . '%';
}

foreach ($campaigns as $c) {
    echo str_pad($c['name'], 14), clickRate($c), PHP_EOL;
}
