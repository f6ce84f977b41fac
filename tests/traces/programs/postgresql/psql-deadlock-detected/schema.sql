DROP DATABASE IF EXISTS bank;
CREATE DATABASE bank;
\c bank
CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL);
INSERT INTO accounts VALUES (1, 100), (2, 100);
