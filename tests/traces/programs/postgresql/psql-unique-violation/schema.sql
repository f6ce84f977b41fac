DROP DATABASE IF EXISTS saas_billing;
CREATE DATABASE saas_billing;
\c saas_billing
CREATE TABLE plans (id serial PRIMARY KEY, code text NOT NULL UNIQUE, price_cents integer NOT NULL);
INSERT INTO plans (code, price_cents) VALUES ('starter', 900), ('team', 2900);
