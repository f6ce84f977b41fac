SET lock_timeout = '1s';
UPDATE products SET stock = stock + 50 WHERE id = 1;
