SET statement_timeout = '500ms';
SELECT count(*) FROM events, pg_sleep(2);
