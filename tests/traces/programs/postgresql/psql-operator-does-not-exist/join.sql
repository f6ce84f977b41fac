SELECT t.subject, r.note
FROM tickets t
JOIN ticket_refs r ON r.ticket_ref = t.id;
