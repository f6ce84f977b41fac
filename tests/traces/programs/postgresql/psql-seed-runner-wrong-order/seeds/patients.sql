INSERT INTO patients VALUES (1, 'M. Novak'), (2, 'A. Haddad');
