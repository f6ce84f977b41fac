INSERT INTO stock VALUES ('A-1', 12);
INSERT INTO stock VALUES ('A-2', 'n/a');
