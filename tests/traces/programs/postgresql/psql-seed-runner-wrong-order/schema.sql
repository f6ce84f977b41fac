DROP DATABASE IF EXISTS clinic;
CREATE DATABASE clinic;
\c clinic
CREATE TABLE patients (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE appointments (id serial PRIMARY KEY, patient_id int NOT NULL REFERENCES patients (id), starts_at timestamptz NOT NULL);
