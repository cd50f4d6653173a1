-- Each claim's words are indexed with its workspace, so a search walks its own workspace's
-- matches only (issue 5: 1M claims, a word in 2 % of them, 500 matches of the largest workspace:
-- 21 ms → 1.5 ms). ClaimFts becomes contentless, with a "workspace" column: see
-- prisma/sql/sqlite/Claim.sql and docs/decisions/0004-search.md.
-- Written by hand: no model change, so there is nothing for Prisma to diff.
DROP TRIGGER IF EXISTS "Claim_search_insert";
DROP TRIGGER IF EXISTS "Claim_search_delete";
DROP TRIGGER IF EXISTS "Claim_search_update";
DROP TABLE IF EXISTS "ClaimFts";

-- Extra SQL: prisma/sql/sqlite/Claim.sql (the current definition of Claim's search tables)
-- Full-text search over Claim."searchText" (the claim folded by src/text/fold.ts, DESIGN §5).
-- Appended by scripts/migration-new.mjs to every migration that creates or recreates "Claim":
-- SQLite's table rebuild drops the triggers and renumbers rowids, so this must be safe to run
-- again and ends by rebuilding the indexes from the table.
--   ClaimFts            words (unicode61): phrases, all-terms and near-word matches; each claim
--                       also carries its workspace as one token (`'w' || hex(workspaceId)`), so
--                       a search walks only its own workspace's matches (issue 5);
--   SearchWord          every word any claim has had (its vocabulary), kept by triggers;
--   SearchWordTrigram   trigrams of those words: a misspelled term finds its near words here,
--                       and then their claims in ClaimFts (docs/decisions/0004-search.md).
-- Trigrams of words rather than of every claim: a claim write touches a few B-tree entries of
-- the vocabulary instead of re-indexing ~150 trigrams (issue 5: 7× cheaper claim updates).
-- ClaimFts is contentless (it stores the index only): the workspace token is not a column of
-- "Claim", and the triggers hand FTS5 the old values it needs to delete an entry.
CREATE VIRTUAL TABLE IF NOT EXISTS "ClaimFts" USING fts5(
    "searchText", "workspace", content='', tokenize='unicode61 remove_diacritics 0'
);
CREATE TABLE IF NOT EXISTS "SearchWord" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "word" TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE IF NOT EXISTS "SearchWordTrigram" USING fts5(
    "word", content='SearchWord', content_rowid='id', tokenize='trigram'
);

DROP TRIGGER IF EXISTS "SearchWord_trigram_insert";
CREATE TRIGGER "SearchWord_trigram_insert" AFTER INSERT ON "SearchWord" BEGIN
    INSERT INTO "SearchWordTrigram"(rowid, "word") VALUES (new."id", new."word");
END;

-- searchText holds letters-and-digits terms separated by single spaces, so it splits into a JSON
-- array by replacing the spaces. Should a text ever break that rule, its words are left out of
-- the vocabulary (json_valid) rather than the claim's write failing.
DROP TRIGGER IF EXISTS "Claim_search_insert";
CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" BEGIN
    INSERT INTO "ClaimFts"(rowid, "searchText", "workspace") VALUES (new.rowid, new."searchText", 'w' || hex(new."workspaceId"));
    INSERT OR IGNORE INTO "SearchWord"("word")
        SELECT value FROM json_each(CASE WHEN json_valid('["' || replace(new."searchText", ' ', '","') || '"]') THEN '["' || replace(new."searchText", ' ', '","') || '"]' ELSE '[]' END) WHERE value <> '';
END;

DROP TRIGGER IF EXISTS "Claim_search_delete";
CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" BEGIN
    INSERT INTO "ClaimFts"("ClaimFts", rowid, "searchText", "workspace") VALUES ('delete', old.rowid, old."searchText", 'w' || hex(old."workspaceId"));
END;

DROP TRIGGER IF EXISTS "Claim_search_update";
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "searchText", "workspaceId" ON "Claim"
WHEN old."searchText" IS NOT new."searchText" OR old."workspaceId" IS NOT new."workspaceId" BEGIN
    INSERT INTO "ClaimFts"("ClaimFts", rowid, "searchText", "workspace") VALUES ('delete', old.rowid, old."searchText", 'w' || hex(old."workspaceId"));
    INSERT INTO "ClaimFts"(rowid, "searchText", "workspace") VALUES (new.rowid, new."searchText", 'w' || hex(new."workspaceId"));
    INSERT OR IGNORE INTO "SearchWord"("word")
        SELECT value FROM json_each(CASE WHEN json_valid('["' || replace(new."searchText", ' ', '","') || '"]') THEN '["' || replace(new."searchText", ' ', '","') || '"]' ELSE '[]' END) WHERE value <> '';
END;

INSERT INTO "ClaimFts"("ClaimFts") VALUES ('delete-all');
INSERT INTO "ClaimFts"(rowid, "searchText", "workspace") SELECT rowid, "searchText", 'w' || hex("workspaceId") FROM "Claim";
INSERT OR IGNORE INTO "SearchWord"("word")
    SELECT value FROM "Claim", json_each(CASE WHEN json_valid('["' || replace("Claim"."searchText", ' ', '","') || '"]') THEN '["' || replace("Claim"."searchText", ' ', '","') || '"]' ELSE '[]' END) WHERE value <> '';
