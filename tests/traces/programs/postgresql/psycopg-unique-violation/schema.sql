DROP DATABASE IF EXISTS auth_service;
CREATE DATABASE auth_service;
\c auth_service
CREATE TABLE accounts (id serial PRIMARY KEY, username text NOT NULL, CONSTRAINT accounts_username_key UNIQUE (username));
INSERT INTO accounts (username) VALUES ('maria');
