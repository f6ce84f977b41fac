\set ON_ERROR_STOP 1
INSERT INTO leads (email, source, company) VALUES ('ops@northbeam.example', 'fair', 'Northbeam');
INSERT INTO leads (email, source, company) VALUES (NULL, 'fair', 'Kestrel Labs');
