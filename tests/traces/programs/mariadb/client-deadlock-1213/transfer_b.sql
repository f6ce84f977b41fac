START TRANSACTION;
UPDATE accounts SET balance = balance - 5 WHERE id = 2;
DO SLEEP(1);
UPDATE accounts SET balance = balance + 5 WHERE id = 1;
COMMIT;
