BEGIN;
UPDATE products SET stock = stock - 1 WHERE id = 1;
SELECT pg_sleep(3) \g /dev/null
COMMIT;
