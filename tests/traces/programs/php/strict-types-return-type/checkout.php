<?php
declare(strict_types=1);

require __DIR__ . '/src/Cart.php';

$cart = new Shop\Cart([['price' => 19.99, 'qty' => 2], ['price' => 5.0, 'qty' => 1]]);
printf("total: %d cents\n", $cart->totalCents());
