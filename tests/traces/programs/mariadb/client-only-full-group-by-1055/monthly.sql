SET SESSION sql_mode = CONCAT(@@sql_mode, ',ONLY_FULL_GROUP_BY');
SELECT customer, created_at, SUM(total) FROM orders GROUP BY customer;
