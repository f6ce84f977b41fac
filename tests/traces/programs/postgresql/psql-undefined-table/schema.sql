DROP DATABASE IF EXISTS analytics;
CREATE DATABASE analytics;
\c analytics
CREATE SCHEMA tracking;
CREATE TABLE tracking.page_views (id bigserial PRIMARY KEY, path text, viewed_at timestamptz DEFAULT now());
