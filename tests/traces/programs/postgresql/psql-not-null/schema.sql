DROP DATABASE IF EXISTS crm_pg;
CREATE DATABASE crm_pg;
\c crm_pg
CREATE TABLE leads (id serial PRIMARY KEY, email text NOT NULL, source text NOT NULL DEFAULT 'web', company text);
