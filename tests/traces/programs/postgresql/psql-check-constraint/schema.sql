DROP DATABASE IF EXISTS catalog;
CREATE DATABASE catalog;
\c catalog
CREATE TABLE products (sku text PRIMARY KEY, price numeric(10,2) NOT NULL CHECK (price >= 0));
