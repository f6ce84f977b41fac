package com.acme.billing;

public class InvoiceCli {
    public static void main(String[] args) {
        System.out.println("invoice total: " + new Money(4599, "EUR").format());
    }
}
