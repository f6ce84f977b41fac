START TRANSACTION;
UPDATE products SET stock = stock - 1 WHERE id = 1;
DO SLEEP(3);
COMMIT;
