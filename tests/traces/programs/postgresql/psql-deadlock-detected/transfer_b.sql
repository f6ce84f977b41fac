BEGIN;
UPDATE accounts SET balance = balance - 5 WHERE id = 2;
SELECT pg_sleep(1) \g /dev/null
UPDATE accounts SET balance = balance + 5 WHERE id = 1;
COMMIT;
