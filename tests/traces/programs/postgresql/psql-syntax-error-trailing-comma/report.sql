SELECT id,
       name,
       email,
FROM customers
ORDER BY name;
