<?php

namespace App\Services;

class Mailer
{
    public function send(string $to, string $subject): bool
    {
        fwrite(STDERR, "mail to {$to}: {$subject}\n");
        return true;
    }
}
