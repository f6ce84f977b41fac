SELECT customer, created_at, sum(total)
FROM orders
GROUP BY customer;
