\set VERBOSITY verbose
SELECT campaign, round(100.0 * clicks / impressions, 2) AS ctr_percent
FROM campaign_stats
ORDER BY campaign;
