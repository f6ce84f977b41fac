DROP DATABASE IF EXISTS inventory;
CREATE DATABASE inventory;
\c inventory
CREATE TABLE stock (sku text PRIMARY KEY, qty int NOT NULL);
INSERT INTO stock VALUES ('A-1', 5);
