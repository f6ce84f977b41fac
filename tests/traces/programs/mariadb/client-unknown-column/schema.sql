DROP DATABASE IF EXISTS crm_reporting;
CREATE DATABASE crm_reporting;
USE crm_reporting;
CREATE TABLE customers (id INT PRIMARY KEY, full_name VARCHAR(120), country CHAR(2), signup_date DATE);
INSERT INTO customers VALUES (1, 'Ama Mensah', 'GH', '2024-02-01'), (2, 'Pablo Ruiz', 'ES', '2024-03-15');
