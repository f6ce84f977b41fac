package com.example.server;

import java.util.Map;

public class Main {
    public static void main(String[] args) {
        Map<String, String> env = Map.of("PORT", "8080", "WORKERS", "4 ");
        ServerConfig cfg = ServerConfig.fromEnv(env);
        System.out.printf("starting on :%d with %d workers%n", cfg.port, cfg.workers);
    }
}
