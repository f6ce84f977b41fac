DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'report_reader') THEN CREATE ROLE report_reader LOGIN PASSWORD 'R3ports!'; END IF; END $$;
GRANT CONNECT ON DATABASE hr TO report_reader;
