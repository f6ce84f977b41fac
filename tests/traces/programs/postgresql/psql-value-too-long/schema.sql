DROP DATABASE IF EXISTS geo;
CREATE DATABASE geo;
\c geo
CREATE TABLE addresses (id serial PRIMARY KEY, city text, country_code varchar(2) NOT NULL);
