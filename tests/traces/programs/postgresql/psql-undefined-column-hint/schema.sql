DROP DATABASE IF EXISTS hr_app;
CREATE DATABASE hr_app;
\c hr_app
CREATE TABLE employees (id serial PRIMARY KEY, first_name text, last_name text, hired_on date);
INSERT INTO employees (first_name, last_name, hired_on) VALUES ('Sara', 'Lind', '2021-06-01');
