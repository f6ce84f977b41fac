<?php
require __DIR__ . '/src/Container.php';
$c = new Container();
$c->set('mailer.smtp', new SmtpMailer());
return $c;
