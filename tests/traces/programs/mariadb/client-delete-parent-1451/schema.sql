DROP DATABASE IF EXISTS shop_staging;
CREATE DATABASE shop_staging;
USE shop_staging;
CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(190) NOT NULL) ENGINE=InnoDB;
CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT NOT NULL,
  total DECIMAL(10,2) NOT NULL,
  FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB;
INSERT INTO customers VALUES (1, 'old-test-account@example.com'), (2, 'real@example.com');
INSERT INTO orders VALUES (100, 1, 12.00), (101, 2, 99.50);
