DROP DATABASE IF EXISTS sales;
CREATE DATABASE sales;
\c sales
CREATE TABLE orders (id int PRIMARY KEY, customer text, total numeric, created_at date);
