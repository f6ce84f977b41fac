<?php
$appName = 'Intranet';
?>

