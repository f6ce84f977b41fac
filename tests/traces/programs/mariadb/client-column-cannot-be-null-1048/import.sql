INSERT INTO leads (email, source) VALUES ('a@example.org', 'fair');
INSERT INTO leads (email, source) VALUES (NULL, 'webinar');
