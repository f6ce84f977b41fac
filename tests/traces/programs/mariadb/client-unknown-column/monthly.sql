-- Monthly signups per country
SELECT country, DATE_FORMAT(signup_date, '%Y-%m') AS month, COUNT(*) AS signups
FROM customers
GROUP BY country, month
ORDER BY month;

SELECT customer_name, country FROM customers WHERE signup_date >= '2024-03-01';
