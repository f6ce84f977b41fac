INSERT INTO customers VALUES (1, 'Ana');
