-- Run as the MariaDB root user (unix socket) by generate.py before the mariadb cases.
CREATE USER IF NOT EXISTS 'shop_app'@'localhost' IDENTIFIED BY 'Sh0p-dev!';
CREATE USER IF NOT EXISTS 'shop_app'@'127.0.0.1' IDENTIFIED BY 'Sh0p-dev!';
GRANT ALL PRIVILEGES ON *.* TO 'shop_app'@'localhost';
GRANT ALL PRIVILEGES ON *.* TO 'shop_app'@'127.0.0.1';
FLUSH PRIVILEGES;
