<?php
function badge(string $status): string
{
    return match ($status) {
        'paid' => 'green',
        'pending' => 'orange',
        'failed' => 'red',
    };
}

foreach (['paid', 'refunded'] as $s) {
    echo $s, ': ', badge($s), PHP_EOL;
}
