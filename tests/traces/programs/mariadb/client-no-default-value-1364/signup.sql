INSERT INTO customers (email) VALUES ('new@example.org');
