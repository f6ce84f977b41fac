DROP DATABASE IF EXISTS library;
CREATE DATABASE library;
\c library
CREATE TABLE authors (id int PRIMARY KEY, name text);
CREATE TABLE books (id int PRIMARY KEY, author_id int NOT NULL REFERENCES authors (id) DEFERRABLE INITIALLY DEFERRED, title text);
