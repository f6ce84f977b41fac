DROP DATABASE IF EXISTS legacy_cms;
CREATE DATABASE legacy_cms;
USE legacy_cms;
CREATE TABLE pages (id INT PRIMARY KEY, title VARCHAR(200), in_menu TINYINT, position INT);
INSERT INTO pages VALUES (1, 'Home', 1, 1), (2, 'About', 1, 2);
