CREATE TABLE invoices (
  id serial PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers (id),
  total numeric NOT NULL
);
