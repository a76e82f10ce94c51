ALTER TABLE "documents" ADD COLUMN "last_hash" text;--> statement-breakpoint
UPDATE "documents" d SET "last_hash" = e."hash" FROM "document_events" e WHERE e."document_id" = d."id" AND e."sequence" = d."version" AND e."hash" IS NOT NULL;
