<?php
/**
 * Plugin Name: Woo Order Export
 * Version: 1.9.2
 */
function woe_get_posts(array $args): array
{
    // stand-in for get_posts(['numberposts' => -1, 'post_type' => 'shop_order']): every order with its meta
    $orders = [];
    for ($id = 1; $id <= 400000; $id++) {
        $orders[] = (object) [
            'ID' => $id, 'post_type' => 'shop_order', 'post_status' => 'wc-completed',
            'meta' => ['_billing_email' => "customer$id@example.org", '_order_total' => $id % 500, '_billing_address' => str_repeat('x', 300)],
        ];
    }
    return $orders;
}

add_action('admin_init', function () {
    $GLOBALS['woe_cache'] = woe_get_posts(['numberposts' => -1, 'post_type' => 'shop_order']);
});
