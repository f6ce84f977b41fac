DROP DATABASE IF EXISTS shop;
CREATE DATABASE shop;
\c shop
CREATE TABLE orders (id int PRIMARY KEY, created_at timestamptz DEFAULT now());
