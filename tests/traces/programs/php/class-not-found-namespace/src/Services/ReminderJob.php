<?php

namespace App\Jobs;

class ReminderJob
{
    public function run(array $users): int
    {
        $mailer = new Mailer();
        $sent = 0;
        foreach ($users as $u) {
            $sent += (int) $mailer->send($u, 'Your trial ends in 3 days');
        }
        return $sent;
    }
}
