-- Full-text search over Claim."searchText" (the claim folded by src/text/fold.ts, DESIGN §5).
-- Appended by scripts/migration-new.mjs to every migration that creates "Claim"; safe to run again.
--   a tsvector GIN index ('simple': the text is already folded) for phrases and all-terms matches;
--   a pg_trgm GIN index for misspelled words (strict_word_similarity, operator <<%).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "Claim_search_tsv" ON "Claim" USING GIN (to_tsvector('simple', "searchText"));
CREATE INDEX IF NOT EXISTS "Claim_search_trgm" ON "Claim" USING GIN ("searchText" gin_trgm_ops);
