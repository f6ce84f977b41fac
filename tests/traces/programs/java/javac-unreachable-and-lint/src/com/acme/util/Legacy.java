package com.acme.util;

import java.util.Date;

public class Legacy {
    public static int year() {
        return new Date().getYear() + 1900;
    }
}
