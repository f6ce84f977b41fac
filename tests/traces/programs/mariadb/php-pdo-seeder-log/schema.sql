DROP DATABASE IF EXISTS shop;
CREATE DATABASE shop;
USE shop;
CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(200)) ENGINE=InnoDB;
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2), CONSTRAINT orders_customer_id_foreign FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB;
