package com.acme.batch;

import java.util.HashMap;
import java.util.Map;

public class Nightly {
    static Map<String, Integer> stock = new HashMap<>();

    public static void main(String[] args) {
        for (int i = 1; i <= 240; i++) {
            String sku = "SKU-" + (10000 + i);
            stock.put(sku, i % 7 == 0 ? null : i * 3);
            System.out.printf("[batch-%03d] INFO  sync %s from warehouse WH-%d ok%n", i, sku, i % 4);
        }
        int total = 0;
        for (Map.Entry<String, Integer> e : stock.entrySet()) {
            total += e.getValue();
        }
        System.out.println("total units: " + total);
    }
}
