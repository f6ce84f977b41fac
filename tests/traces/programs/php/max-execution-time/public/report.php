<?php
$rows = 0;
$start = microtime(true);
while (true) {               // waits for a lock file that is never created
    if (file_exists(__DIR__ . '/../var/report.lock')) {
        break;
    }
    $rows++;
}
echo "done after $rows polls\n";
