INSERT INTO addresses (city, country_code) VALUES ('Lisbon', 'PT');
INSERT INTO addresses (city, country_code) VALUES ('Berlin', 'DEU');
