DROP DATABASE IF EXISTS shop;
CREATE DATABASE shop;
\c shop
CREATE TABLE orders (id int PRIMARY KEY, customer text);
CREATE TABLE order_items (id int PRIMARY KEY, order_id int NOT NULL REFERENCES orders (id), sku text, qty int);
