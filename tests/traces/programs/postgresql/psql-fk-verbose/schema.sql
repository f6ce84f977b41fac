DROP DATABASE IF EXISTS library_dev;
CREATE DATABASE library_dev;
\c library_dev
CREATE TABLE members (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE loans (
  id serial PRIMARY KEY,
  member_id integer NOT NULL REFERENCES members (id),
  isbn text NOT NULL,
  due date NOT NULL
);
