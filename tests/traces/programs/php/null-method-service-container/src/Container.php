<?php
final class Container
{
    private array $services = [];

    public function set(string $id, object $service): void { $this->services[$id] = $service; }

    public function get(string $id): ?object { return $this->services[$id] ?? null; }
}

final class SmtpMailer { public function send(string $to, string $subject): void { echo "mail to $to: $subject\n"; } }
