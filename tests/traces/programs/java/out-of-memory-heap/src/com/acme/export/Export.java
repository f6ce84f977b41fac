package com.acme.export;

import java.util.ArrayList;
import java.util.List;

public class Export {
    public static void main(String[] args) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; ; i++) {
            rows.add("order-" + i + ";customer-" + (i % 977) + ";" + "x".repeat(200));
            if (i % 50000 == 0) System.out.println("buffered " + i + " rows");
        }
    }
}
