<?php
$customers = [1 => (object) ['email' => 'a@example.org']];
$orders = [(object) ['id' => 10, 'customer_id' => 1], (object) ['id' => 11, 'customer_id' => 9]];
foreach ($orders as $o) {
    $customer = $customers[$o->customer_id] ?? null;
    echo "order {$o->id}: {$customer->email}\n";
}
