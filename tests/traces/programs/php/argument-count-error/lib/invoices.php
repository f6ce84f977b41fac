<?php
function send_invoice(int $invoiceId, string $email): void
{
    echo "sending invoice $invoiceId to $email\n";
}
