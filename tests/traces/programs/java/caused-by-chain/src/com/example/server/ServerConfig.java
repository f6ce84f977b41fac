package com.example.server;

import java.util.Map;

public class ServerConfig {
    final int port;
    final int workers;

    ServerConfig(int port, int workers) {
        this.port = port;
        this.workers = workers;
    }

    static int intSetting(Map<String, String> env, String key) {
        return Integer.parseInt(env.get(key));
    }

    static ServerConfig fromEnv(Map<String, String> env) {
        try {
            return new ServerConfig(intSetting(env, "PORT"), intSetting(env, "WORKERS"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Invalid server configuration", e);
        }
    }
}
