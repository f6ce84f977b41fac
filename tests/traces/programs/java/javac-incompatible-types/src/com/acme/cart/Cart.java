package com.acme.cart;

import java.util.Map;

public class Cart {
    public static void main(String[] args) {
        Map<String, String> form = Map.of("sku", "TS-RED-M", "qty", "2");
        int qty = form.get("qty");
        System.out.println("adding " + qty + " x " + form.get("sku"));
    }
}
