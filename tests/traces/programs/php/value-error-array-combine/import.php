<?php
$csv = "sku;name;price\nA-1;Mug;7.50\nA-2;Poster;12.00;sale\n";
$lines = array_map(fn ($l) => str_getcsv($l, ';'), array_filter(explode("\n", $csv)));
$header = array_shift($lines);
foreach ($lines as $row) {
    $item = array_combine($header, $row);
    echo $item['sku'], ' => ', $item['price'], PHP_EOL;
}
