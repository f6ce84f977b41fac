DROP DATABASE IF EXISTS hr;
CREATE DATABASE hr;
\c hr
CREATE TABLE salaries (employee_id int PRIMARY KEY, amount numeric(10,2));
INSERT INTO salaries VALUES (1, 5200);
