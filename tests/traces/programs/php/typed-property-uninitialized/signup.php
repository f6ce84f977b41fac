<?php
require __DIR__ . '/src/Mailer.php';
$mailer = new Mailer();
$mailer->welcome('new.user@example.org');
