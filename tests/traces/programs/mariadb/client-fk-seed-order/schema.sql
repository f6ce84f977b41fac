DROP DATABASE IF EXISTS bookstore_dev;
CREATE DATABASE bookstore_dev;
USE bookstore_dev;
CREATE TABLE authors (
  id INT PRIMARY KEY,
  name VARCHAR(120) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE books (
  id INT PRIMARY KEY,
  author_id INT NOT NULL,
  title VARCHAR(200) NOT NULL,
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id)
) ENGINE=InnoDB;
