package com.acme.settings;

import java.util.HashMap;
import java.util.Map;

public class Settings {
    private final Map<String, Object> values = new HashMap<>();

    void load() {
        values.put("app.name", "inventory");
        values.put("pool.size", 8);
    }

    String getString(String key) {
        return (String) values.get(key);
    }

    public static void main(String[] args) {
        Settings s = new Settings();
        s.load();
        System.out.println("pool: " + s.getString("pool.size"));
    }
}
