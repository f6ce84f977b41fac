DROP DATABASE IF EXISTS newsletter;
CREATE DATABASE newsletter;
\c newsletter
CREATE TABLE subscribers (id serial PRIMARY KEY, email text NOT NULL, confirmed bool DEFAULT false);
