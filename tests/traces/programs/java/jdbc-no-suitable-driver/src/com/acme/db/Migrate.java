package com.acme.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class Migrate {
    public static void main(String[] args) throws SQLException {
        String url = "jdbc:mariadb://localhost:3306/shop";
        try (Connection c = DriverManager.getConnection(url, "shop_app", "secret")) {
            System.out.println("connected to " + c.getMetaData().getDatabaseProductName());
        }
    }
}
