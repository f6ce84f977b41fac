INSERT INTO students VALUES (1, 'Ana'), (2, 'Ben');
