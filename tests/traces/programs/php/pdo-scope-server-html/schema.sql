DROP DATABASE IF EXISTS crm_dev;
CREATE DATABASE crm_dev;
USE crm_dev;
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200));
INSERT INTO customers VALUES (7, 'Dana K.', 'dana@example.org');
