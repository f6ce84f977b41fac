DROP DATABASE IF EXISTS events;
CREATE DATABASE events;
\c events
CREATE TABLE venues (id int PRIMARY KEY, name text);
CREATE TABLE concerts (id serial PRIMARY KEY, venue_id int NOT NULL REFERENCES venues (id), artist text);
