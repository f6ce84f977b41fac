BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT qty FROM stock WHERE sku = 'A-1' \g /dev/null
UPDATE stock SET qty = qty - 2 WHERE sku = 'A-1';
COMMIT;
