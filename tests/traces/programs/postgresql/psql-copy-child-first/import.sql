\copy order_items FROM 'export/order_items.csv' WITH (FORMAT csv, HEADER)
\copy orders FROM 'export/orders.csv' WITH (FORMAT csv, HEADER)
