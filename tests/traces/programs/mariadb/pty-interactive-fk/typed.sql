INSERT INTO appointments (patient_id, starts_at) VALUES (3, '2026-04-02 09:30:00');
