<?php
declare(strict_types=1);

require __DIR__ . '/src/Newsletter.php';

// Form posted from the footer widget, which names its field "mail".
$post = ['mail' => 'Jonas.Becker@example.org', 'consent' => '1'];
echo App\Newsletter::subscribe($post), PHP_EOL;
