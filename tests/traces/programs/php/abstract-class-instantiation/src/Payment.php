<?php
namespace App\Payment;

abstract class Gateway
{
    abstract public function charge(int $cents): string;

    public static function make(string $name): self
    {
        return match ($name) {
            'stripe' => new StripeGateway(),
            default => new Gateway(),
        };
    }
}

class StripeGateway extends Gateway
{
    public function charge(int $cents): string { return "ch_$cents"; }
}
