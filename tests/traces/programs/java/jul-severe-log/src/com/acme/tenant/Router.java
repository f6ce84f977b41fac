package com.acme.tenant;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

public class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private static final Map<String, String> ROUTES = Map.of("eu-1", "db-eu-1.internal", "us-1", "db-us-1.internal");

    static String route(String tenant) {
        String host = ROUTES.get(tenant);
        if (host == null) {
            throw new IllegalStateException("No route configured for tenant '" + tenant + "'");
        }
        return host;
    }

    public static void main(String[] args) {
        for (String t : new String[] {"eu-1", "eu-2"}) {
            try {
                LOG.info("tenant " + t + " -> " + route(t));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request failed for tenant " + t, e);
                System.exit(1);
            }
        }
    }
}
