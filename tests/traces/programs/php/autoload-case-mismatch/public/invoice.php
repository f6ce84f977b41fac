<?php
require __DIR__ . '/../autoload.php';

$pdf = (new App\Services\PdfRenderer())->render('<h1>Invoice 1042</h1>');
echo strlen($pdf), " bytes\n";
