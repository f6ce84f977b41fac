DROP DATABASE IF EXISTS tasks;
CREATE DATABASE tasks;
\c tasks
CREATE TABLE tasks (id serial PRIMARY KEY, title text, done bool DEFAULT false);
