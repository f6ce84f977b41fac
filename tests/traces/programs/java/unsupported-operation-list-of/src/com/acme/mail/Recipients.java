package com.acme.mail;

import java.util.List;

public class Recipients {
    static List<String> defaults() {
        return List.of("ops@acme.test", "billing@acme.test");
    }

    public static void main(String[] args) {
        List<String> to = defaults();
        to.add("ceo@acme.test");
        System.out.println(to);
    }
}
