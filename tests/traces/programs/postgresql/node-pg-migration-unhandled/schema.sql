DROP DATABASE IF EXISTS helpdesk;
CREATE DATABASE helpdesk;
\c helpdesk
CREATE TABLE agents (id int PRIMARY KEY, name text);
CREATE TABLE tickets (id serial PRIMARY KEY, agent_id int REFERENCES agents (id), subject text);
