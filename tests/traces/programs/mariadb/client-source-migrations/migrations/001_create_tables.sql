CREATE TABLE students (id INT PRIMARY KEY, name VARCHAR(100)) ENGINE=InnoDB;
CREATE TABLE enrollments (
  id INT AUTO_INCREMENT PRIMARY KEY,
  student_id INT NOT NULL,
  course VARCHAR(20) NOT NULL,
  CONSTRAINT fk_enrollments_student FOREIGN KEY (student_id) REFERENCES students (id)
) ENGINE=InnoDB;
