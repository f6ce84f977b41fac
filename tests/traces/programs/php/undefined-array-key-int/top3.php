<?php
$scores = ['ana' => 91, 'ben' => 78];
arsort($scores);
$names = array_keys($scores);
for ($i = 0; $i < 3; $i++) {
    echo ($i + 1) . '. ' . $names[$i] . PHP_EOL;
}
