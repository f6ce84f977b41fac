\set ON_ERROR_STOP on
\set VERBOSITY verbose
BEGIN;
INSERT INTO loans (member_id, isbn, due) VALUES
  (501, '978-0-441-47812-5', '2026-05-01'),
  (502, '978-0-8070-8305-8', '2026-05-03');
INSERT INTO members (id, name) VALUES (501, 'Ingrid Olsen'), (502, 'Tomasz Wójcik');
COMMIT;
