DROP DATABASE IF EXISTS tickets;
CREATE DATABASE tickets;
\c tickets
CREATE TABLE venues (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE concerts (
  id serial PRIMARY KEY,
  venue_id integer NOT NULL,
  artist text NOT NULL,
  CONSTRAINT concerts_venue_id_fkey FOREIGN KEY (venue_id) REFERENCES venues (id)
);
INSERT INTO venues VALUES (1, 'Docks Hall'), (2, 'Open Air Arena');
