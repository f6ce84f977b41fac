INSERT INTO reservations (guest, arrives) VALUES ('Novak', '2026-04-02 14:00:00');
INSERT INTO reservations (guest, arrives) VALUES ('Haddad', '03/04/2026 15:30');
