-- Run as the postgres superuser by generate.py before the postgresql cases (errors are ignored).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shop_app') THEN
    CREATE ROLE shop_app LOGIN PASSWORD 'Sh0p-dev!' CREATEDB;
  END IF;
END
$$;
