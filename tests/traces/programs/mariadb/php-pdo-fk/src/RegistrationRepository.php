<?php

final class RegistrationRepository
{
    public function __construct(private PDO $db) {}

    public function register(int $eventId, string $attendee): int
    {
        $stmt = $this->db->prepare('INSERT INTO registrations (event_id, attendee) VALUES (?, ?)');
        $stmt->execute([$eventId, $attendee]);
        return (int) $this->db->lastInsertId();
    }
}
