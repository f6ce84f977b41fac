<?php
declare(strict_types=1);

namespace Shop;

final class Cart
{
    /** @param array<int, array{price: float, qty: int}> $lines */
    public function __construct(private array $lines) {}

    public function totalCents(): int
    {
        $sum = 0;
        foreach ($this->lines as $l) {
            $sum += $l['price'] * 100 * $l['qty'];
        }
        return $sum;
    }
}
