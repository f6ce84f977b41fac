INSERT INTO appointments (patient_id, starts_at) VALUES
  (1, '2026-04-02 09:30+02'),
  (2, '2026-04-02 10:00+02');
