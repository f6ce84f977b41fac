<?php
class User { public function __construct(public string $name) {} public function getName(): string { return $this->name; } }

class Auth
{
    public function __construct(private array $session) {}

    public function user(): ?User
    {
        return isset($this->session['user']) ? new User($this->session['user']) : null;
    }
}
