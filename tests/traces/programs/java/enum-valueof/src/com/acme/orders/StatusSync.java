package com.acme.orders;

public class StatusSync {
    public static void main(String[] args) {
        String[] fromApi = {"PAID", "shipped"};
        for (String s : fromApi) {
            OrderStatus st = OrderStatus.valueOf(s);
            System.out.println("order -> " + st);
        }
    }
}
