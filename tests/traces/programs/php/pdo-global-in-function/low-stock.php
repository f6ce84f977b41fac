<?php
require __DIR__ . '/inc/db.php';
require __DIR__ . '/inc/inventory.php';

foreach (lowStock(5) as $item) {
    printf("%-10s %-20s %d\n", $item['sku'], $item['name'], $item['qty']);
}
