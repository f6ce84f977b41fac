<?php
include __DIR__ . '/helpers.php';
echo "<header>Shop</header>\n";
