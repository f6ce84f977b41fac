BEGIN;
ALTER TABLE posts ADD COLUMN published_at timestamptz;
UPDATE posts SET published_at = now() WHERE publishd = true;
CREATE INDEX posts_published_at_idx ON posts (published_at);
COMMIT;
