<?php
final class Money
{
    public function __construct(public readonly int $cents, public readonly string $currency) {}

    public function add(int $cents): self
    {
        $this->cents += $cents;
        return $this;
    }
}
