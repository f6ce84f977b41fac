DROP DATABASE IF EXISTS saas_accounts;
CREATE DATABASE saas_accounts;
USE saas_accounts;
CREATE TABLE users (
  id INT AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(190) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY users_email_unique (email)
) ENGINE=InnoDB;
INSERT INTO users (email) VALUES ('hana@example.com'), ('luis@example.com');
