UPDATE orders SET total = ROUND(total, 2);
INSERT INTO orders VALUES (99, 0);
