INSERT INTO webhooks (payload) VALUES ('{"event": "order.paid", "id": 42}');
INSERT INTO webhooks (payload) VALUES ('{''event'': ''order.refunded''}');
