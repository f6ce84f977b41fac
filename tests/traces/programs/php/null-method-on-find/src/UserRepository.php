<?php
class User
{
    public function __construct(private int $id, private string $email) {}
    public function getEmail(): string { return $this->email; }
}

class UserRepository
{
    /** @var array<int, User> */
    private array $users;

    public function __construct()
    {
        $this->users = [1 => new User(1, 'ada@example.com'), 2 => new User(2, 'linus@example.com')];
    }

    public function find(int $id): ?User
    {
        return $this->users[$id] ?? null;
    }
}
