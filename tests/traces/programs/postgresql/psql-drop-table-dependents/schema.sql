DROP DATABASE IF EXISTS shop;
CREATE DATABASE shop;
\c shop
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
