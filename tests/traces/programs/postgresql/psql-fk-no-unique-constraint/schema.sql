DROP DATABASE IF EXISTS crm;
CREATE DATABASE crm;
\c crm
CREATE TABLE customers (id int, email text NOT NULL);
