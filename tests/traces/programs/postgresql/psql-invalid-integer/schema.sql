DROP DATABASE IF EXISTS warehouse;
CREATE DATABASE warehouse;
\c warehouse
CREATE TABLE stock (sku text PRIMARY KEY, qty integer NOT NULL);
