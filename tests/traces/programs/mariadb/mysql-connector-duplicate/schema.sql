DROP DATABASE IF EXISTS newsletter;
CREATE DATABASE newsletter;
USE newsletter;
CREATE TABLE subscribers (
  id INT AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(190) NOT NULL,
  UNIQUE KEY uq_subscribers_email (email)
) ENGINE=InnoDB;
