DROP DATABASE IF EXISTS events;
CREATE DATABASE events;
\c events
CREATE TABLE webhooks (id serial PRIMARY KEY, payload jsonb NOT NULL);
