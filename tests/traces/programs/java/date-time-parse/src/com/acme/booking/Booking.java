package com.acme.booking;

import java.time.LocalDate;

public class Booking {
    public static void main(String[] args) {
        String checkIn = "2026-13-01"; // day and month swapped by the form
        LocalDate d = LocalDate.parse(checkIn);
        System.out.println("check-in " + d);
    }
}
