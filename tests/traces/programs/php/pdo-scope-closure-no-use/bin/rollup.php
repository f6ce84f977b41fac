<?php
require __DIR__ . '/../bootstrap.php';

$days = ['2026-03-01', '2026-03-02'];
$totals = array_map(function (string $day) {
    $stmt = $pdo->prepare('SELECT count(*) FROM events WHERE created_at::date = ?');
    $stmt->execute([$day]);
    return (int) $stmt->fetchColumn();
}, $days);
print_r(array_combine($days, $totals));
