DROP DATABASE IF EXISTS sales;
CREATE DATABASE sales;
USE sales;
CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(100), total DECIMAL(10,2), created_at DATE);
INSERT INTO orders VALUES (1, 'ana', 10, '2026-03-01');
