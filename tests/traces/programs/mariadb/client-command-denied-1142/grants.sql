CREATE USER IF NOT EXISTS 'report_ro'@'localhost' IDENTIFIED BY 'R3ad-only!';
GRANT SELECT ON shop.* TO 'report_ro'@'localhost';
