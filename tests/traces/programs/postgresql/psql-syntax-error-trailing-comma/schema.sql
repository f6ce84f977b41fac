DROP DATABASE IF EXISTS crm;
CREATE DATABASE crm;
\c crm
CREATE TABLE customers (id int PRIMARY KEY, name text, email text);
