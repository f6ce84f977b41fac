<?php

namespace App\Http\Controllers;

class OrderController
{
    public function total(array $lines): float
    {
        $sum = 0.0;
        foreach ($lines as $line) {
            $sum += $line['price'] * $line['qty']
        }
        return round($sum, 2);
    }
}
