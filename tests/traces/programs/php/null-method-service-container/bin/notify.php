<?php
$c = require __DIR__ . '/../bootstrap.php';
$c->get('mailer')->send('ops@example.org', 'Nightly import finished');
