BEGIN;
INSERT INTO books VALUES (1, 10, 'Dune');
INSERT INTO books VALUES (2, 11, 'Solaris');
INSERT INTO authors VALUES (10, 'F. Herbert');
COMMIT;
