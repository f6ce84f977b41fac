<?php

namespace App\Services;

class ReportService
{
    public function daily(): array
    {
        return ['orders' => 12];
    }
    }

    public function weekly(): array
    {
        return ['orders' => 80];
    }
}
