DROP DATABASE IF EXISTS hr;
CREATE DATABASE hr;
USE hr;
CREATE TABLE departments (id INT PRIMARY KEY, name VARCHAR(100)) ENGINE=InnoDB;
CREATE TABLE employees (id INT PRIMARY KEY, name VARCHAR(100), department_id INT NOT NULL, CONSTRAINT employees_department_fk FOREIGN KEY (department_id) REFERENCES departments (id)) ENGINE=InnoDB;
