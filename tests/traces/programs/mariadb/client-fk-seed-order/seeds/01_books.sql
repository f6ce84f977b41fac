INSERT INTO books (id, author_id, title) VALUES
  (10, 1, 'The Dispossessed'),
  (11, 2, 'Kindred');
