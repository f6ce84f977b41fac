SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS day, count(*)
FROM orders
GROUP BY 1;
