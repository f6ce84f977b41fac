<?php
function format_price(float $p): string
{
    return number_format($p, 2, ',', '.') . ' €';
}
