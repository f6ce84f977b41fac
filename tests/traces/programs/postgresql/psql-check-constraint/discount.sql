UPDATE products SET price = price - 15 WHERE sku = 'MUG-01';
INSERT INTO products VALUES ('PEN-02', -1.50);
