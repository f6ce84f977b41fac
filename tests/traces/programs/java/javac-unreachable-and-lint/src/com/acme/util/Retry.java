package com.acme.util;

import java.util.ArrayList;
import java.util.List;

public class Retry {
    @SuppressWarnings("rawtypes")
    static List attempts = new ArrayList();

    @SuppressWarnings("unchecked")
    static void record(int n) { attempts.add(n); }

    static int withRetry(int max) {
        for (int i = 1; i <= max; i++) {
            record(i);
            return i;
            System.out.println("attempt " + i + " failed");
        }
        return -1;
    }

    public static void main(String[] args) {
        System.out.println(withRetry(3));
    }
}
