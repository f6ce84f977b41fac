DROP DATABASE IF EXISTS iot;
CREATE DATABASE iot;
\c iot
CREATE TABLE devices (id text PRIMARY KEY, site text NOT NULL);
CREATE TABLE readings (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (id),
  celsius numeric(5,2) NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO devices VALUES ('th-01', 'warehouse-a');
