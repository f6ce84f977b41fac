<?php
require __DIR__ . '/src/Payment.php';

echo App\Payment\Gateway::make('paypal')->charge(1999), PHP_EOL;
