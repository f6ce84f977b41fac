<?php
declare(strict_types=1);

namespace App;

final class Newsletter
{
    public static function normalizeEmail(string $email): string
    {
        return strtolower(trim($email));
    }

    public static function subscribe(array $form): string
    {
        $email = self::normalizeEmail($form['email'] ?? null);
        return "subscribed {$email}";
    }
}
