UPDATE agents SET team_id = 3 WHERE id = 1;
