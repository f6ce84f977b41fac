<?php
require __DIR__ . '/../src/Auth.php';

$auth = new Auth([]); // session expired: no user
echo '<h1>Welcome back, ' . htmlspecialchars($auth->user()->getName()) . '</h1>';
