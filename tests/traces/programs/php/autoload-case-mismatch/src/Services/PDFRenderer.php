<?php
namespace App\Services;

class PdfRenderer
{
    public function render(string $html): string { return '%PDF-1.7 ' . strlen($html); }
}
