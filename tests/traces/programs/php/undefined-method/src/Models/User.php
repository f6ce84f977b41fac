<?php
namespace App\Models;

class User
{
    public function __construct(public string $first, public string $last) {}

    public function fullName(): string
    {
        return "{$this->first} {$this->last}";
    }
}
