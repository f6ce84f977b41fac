BEGIN;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
SELECT pg_sleep(1) \g /dev/null
UPDATE accounts SET balance = balance + 10 WHERE id = 2;
COMMIT;
