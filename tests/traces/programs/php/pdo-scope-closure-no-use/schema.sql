DROP DATABASE IF EXISTS metrics;
CREATE DATABASE metrics;
\c metrics
CREATE TABLE events (id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
