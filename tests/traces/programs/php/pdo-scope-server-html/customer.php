<?php
require 'includes/connect.php';
require 'includes/customers.php';

$c = find_customer((int) ($_GET['id'] ?? 0));
?>
<h1><?= htmlspecialchars($c['name'] ?? 'unknown') ?></h1>
