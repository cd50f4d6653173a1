-- Full-text search over Claim."searchText" (the claim folded by src/text/fold.ts, DESIGN §5).
-- Appended by scripts/migration-new.mjs to every migration that creates or recreates "Claim":
-- SQLite's table rebuild drops the triggers and renumbers rowids, so this must be safe to run
-- again and ends by rebuilding both indexes from the table.
--   ClaimFts      words (unicode61): exact phrases and all-terms matches;
--   ClaimTrigram  trigrams: candidates for misspelled words.
CREATE VIRTUAL TABLE IF NOT EXISTS "ClaimFts" USING fts5(
    "searchText", content='Claim', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS "ClaimTrigram" USING fts5(
    "searchText", content='Claim', content_rowid='rowid', tokenize='trigram'
);

DROP TRIGGER IF EXISTS "Claim_search_insert";
CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" BEGIN
    INSERT INTO "ClaimFts"(rowid, "searchText") VALUES (new.rowid, new."searchText");
    INSERT INTO "ClaimTrigram"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

DROP TRIGGER IF EXISTS "Claim_search_delete";
CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" BEGIN
    INSERT INTO "ClaimFts"("ClaimFts", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "ClaimTrigram"("ClaimTrigram", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;

DROP TRIGGER IF EXISTS "Claim_search_update";
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "searchText" ON "Claim" BEGIN
    INSERT INTO "ClaimFts"("ClaimFts", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "ClaimTrigram"("ClaimTrigram", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "ClaimFts"(rowid, "searchText") VALUES (new.rowid, new."searchText");
    INSERT INTO "ClaimTrigram"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

INSERT INTO "ClaimFts"("ClaimFts") VALUES ('rebuild');
INSERT INTO "ClaimTrigram"("ClaimTrigram") VALUES ('rebuild');
