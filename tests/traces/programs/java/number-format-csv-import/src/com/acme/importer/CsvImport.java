package com.acme.importer;

import java.util.List;

public class CsvImport {
    record Product(String sku, int priceCents) {}

    static Product parse(String line) {
        String[] f = line.split(";");
        return new Product(f[0], Integer.parseInt(f[1]));
    }

    public static void main(String[] args) {
        List<String> lines = List.of("A-100;1299", "A-101;899", "A-102;12.50");
        for (String l : lines) {
            System.out.println("imported " + parse(l));
        }
    }
}
