package com.acme.orders;

public enum OrderStatus { NEW, PAID, SHIPPED, CANCELLED }
