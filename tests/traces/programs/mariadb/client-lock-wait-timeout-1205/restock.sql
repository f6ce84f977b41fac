SET SESSION innodb_lock_wait_timeout = 1;
UPDATE products SET stock = stock + 50 WHERE id = 1;
