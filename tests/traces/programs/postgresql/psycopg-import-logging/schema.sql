DROP DATABASE IF EXISTS school;
CREATE DATABASE school;
\c school
CREATE TABLE courses (code text PRIMARY KEY, title text);
CREATE TABLE enrollments (id serial PRIMARY KEY, student text NOT NULL, course_code text NOT NULL REFERENCES courses (code));
INSERT INTO courses VALUES ('MATH101', 'Calculus I'), ('CS101', 'Programming');
