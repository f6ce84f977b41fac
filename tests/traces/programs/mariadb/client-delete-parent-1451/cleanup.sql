-- Remove test accounts before the staging refresh
DELETE FROM customers WHERE email LIKE 'old-test-%';
DELETE FROM orders WHERE customer_id NOT IN (SELECT id FROM customers);
