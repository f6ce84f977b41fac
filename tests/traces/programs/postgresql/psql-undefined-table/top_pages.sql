\set VERBOSITY verbose
SELECT path, count(*) AS views
FROM page_views
WHERE viewed_at > now() - interval '7 days'
GROUP BY path
ORDER BY views DESC
LIMIT 10;
