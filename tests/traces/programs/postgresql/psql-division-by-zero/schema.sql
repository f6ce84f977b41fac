DROP DATABASE IF EXISTS ads;
CREATE DATABASE ads;
\c ads
CREATE TABLE campaign_stats (campaign text, impressions integer, clicks integer);
INSERT INTO campaign_stats VALUES ('spring', 12000, 240), ('retarget', 0, 0);
