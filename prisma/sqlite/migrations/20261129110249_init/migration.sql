-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "fourEyes" BOOLEAN NOT NULL DEFAULT true,
    "auditSeq" INTEGER NOT NULL DEFAULT 0,
    "auditHeadHash" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "language" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "body" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Article_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "articleId" TEXT,
    "text" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "claimant" TEXT,
    "claimDate" DATETIME,
    "quote" JSONB,
    "quantities" JSONB,
    "status" TEXT NOT NULL DEFAULT 'unverified',
    "verdict" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Claim_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimTag" (
    "claimId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("claimId", "tag"),
    CONSTRAINT "ClaimTag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "kind" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "accessedAt" DATETIME,
    "archiveUrl" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Source_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "excerpt" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evidence_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "scaleVersion" INTEGER NOT NULL DEFAULT 1,
    "state" TEXT NOT NULL DEFAULT 'proposed',
    "proposedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "correctionNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "Review_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "actorKeyId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "apiKeyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "status" INTEGER,
    "response" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "secret" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Webhook_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "webhookId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE INDEX "ApiKey_workspaceId_id_idx" ON "ApiKey"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "Article_workspaceId_id_idx" ON "Article"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Article_workspaceId_url_key" ON "Article"("workspaceId", "url");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_updatedAt_id_idx" ON "Claim"("workspaceId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_createdAt_id_idx" ON "Claim"("workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_status_updatedAt_id_idx" ON "Claim"("workspaceId", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_articleId_idx" ON "Claim"("articleId");

-- CreateIndex
CREATE INDEX "ClaimTag_workspaceId_tag_idx" ON "ClaimTag"("workspaceId", "tag");

-- CreateIndex
CREATE INDEX "Source_workspaceId_id_idx" ON "Source"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Source_workspaceId_url_key" ON "Source"("workspaceId", "url");

-- CreateIndex
CREATE INDEX "Evidence_sourceId_idx" ON "Evidence"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_claimId_sourceId_stance_key" ON "Evidence"("claimId", "sourceId", "stance");

-- CreateIndex
CREATE INDEX "Review_claimId_createdAt_idx" ON "Review"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_entityId_seq_idx" ON "AuditEvent"("workspaceId", "entityId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_at_seq_idx" ON "AuditEvent"("workspaceId", "at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_workspaceId_seq_key" ON "AuditEvent"("workspaceId", "seq");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_apiKeyId_key_key" ON "IdempotencyRecord"("apiKeyId", "key");

-- CreateIndex
CREATE INDEX "Webhook_workspaceId_id_idx" ON "Webhook"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- Extra SQL: prisma/sql/sqlite/AuditEvent.sql (this migration creates or recreates "AuditEvent")
-- AuditEvent is append-only (DESIGN §6): the database itself refuses UPDATE and DELETE.
-- Appended by scripts/migration-new.mjs to every migration that creates or recreates the table
-- (SQLite's RedefineTables drops a table's triggers), so it must be safe to run again.
DROP TRIGGER IF EXISTS "AuditEvent_no_update";
CREATE TRIGGER "AuditEvent_no_update"
BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

DROP TRIGGER IF EXISTS "AuditEvent_no_delete";
CREATE TRIGGER "AuditEvent_no_delete"
BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- Extra SQL: prisma/sql/sqlite/Claim.sql (this migration creates or recreates "Claim")
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
