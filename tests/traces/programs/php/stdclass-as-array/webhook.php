<?php
$body = '{"event":"payment.succeeded","data":{"amount":4200,"currency":"eur"}}';
$payload = json_decode($body);
echo 'amount: ', $payload['data']['amount'], PHP_EOL;
