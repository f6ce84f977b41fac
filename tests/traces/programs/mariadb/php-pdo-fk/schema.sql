DROP DATABASE IF EXISTS events_app;
CREATE DATABASE events_app;
USE events_app;
CREATE TABLE events (id INT PRIMARY KEY, title VARCHAR(200) NOT NULL) ENGINE=InnoDB;
CREATE TABLE registrations (
  id INT AUTO_INCREMENT PRIMARY KEY,
  event_id INT NOT NULL,
  attendee VARCHAR(120) NOT NULL,
  CONSTRAINT registrations_event_id_foreign FOREIGN KEY (event_id) REFERENCES events (id)
) ENGINE=InnoDB;
INSERT INTO events VALUES (1, 'PHP meetup March'), (2, 'Laravel workshop');
