DROP DATABASE IF EXISTS accounts;
CREATE DATABASE accounts;
\c accounts
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);
