INSERT INTO enrollments (student_id, course) VALUES (1, 'MATH101');
INSERT INTO enrollments (student_id, course) VALUES (2, 'CS101');
