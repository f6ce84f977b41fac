package com.acme.billing;

public record Money(long cents, String currency) {
    public String format() { return String.format("%d.%02d %s", cents / 100, cents % 100, currency); }
}
