DROP DATABASE IF EXISTS support;
CREATE DATABASE support;
\c support
CREATE TABLE tickets (id int PRIMARY KEY, subject text);
CREATE TABLE ticket_refs (ticket_ref text, note text);
