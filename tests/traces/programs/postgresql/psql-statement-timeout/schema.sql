DROP DATABASE IF EXISTS analytics;
CREATE DATABASE analytics;
\c analytics
CREATE TABLE events (id bigserial PRIMARY KEY, kind text);
