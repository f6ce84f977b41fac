<?php
require __DIR__ . '/../lib/invoices.php';

foreach ([1001, 1002] as $id) {
    send_invoice($id);
}
