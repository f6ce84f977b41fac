DROP DATABASE IF EXISTS blog;
CREATE DATABASE blog;
\c blog
CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL, slug text UNIQUE);
