DROP DATABASE IF EXISTS clinic;
CREATE DATABASE clinic;
USE clinic;
CREATE TABLE patients (id INT PRIMARY KEY, name VARCHAR(120)) ENGINE=InnoDB;
CREATE TABLE appointments (
  id INT AUTO_INCREMENT PRIMARY KEY,
  patient_id INT NOT NULL,
  starts_at DATETIME NOT NULL,
  CONSTRAINT fk_appt_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
) ENGINE=InnoDB;
INSERT INTO patients VALUES (1, 'M. Novak'), (2, 'A. Haddad');
