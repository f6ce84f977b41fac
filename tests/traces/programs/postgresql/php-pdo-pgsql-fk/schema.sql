DROP DATABASE IF EXISTS school;
CREATE DATABASE school;
\c school
CREATE TABLE courses (id integer PRIMARY KEY, title text NOT NULL);
CREATE TABLE enrollments (
  id serial PRIMARY KEY,
  course_id integer NOT NULL REFERENCES courses (id),
  student_email text NOT NULL
);
INSERT INTO courses VALUES (101, 'Algebra I'), (102, 'Chemistry');
