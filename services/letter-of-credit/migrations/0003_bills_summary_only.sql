-- The bills projection keeps the bill's public summary only; the examination's flat view of its content is made on
-- read (src/domain/examination/bill-view.ts). The credit number is read from the summary's content.
DROP INDEX IF EXISTS "projections_bills_credit_number";
--> statement-breakpoint
UPDATE "projections"
SET "state" = "state" - ARRAY['type', 'carrier', 'shipper', 'consignee', 'toOrderOf', 'legs', 'placeOfReceipt', 'placeOfDelivery', 'goods', 'creditNumber']
WHERE "name" = 'bills' AND jsonb_typeof("state") = 'object';
--> statement-breakpoint
CREATE INDEX "projections_bills_credit_number" ON "projections" USING btree (("state"->'content'->>'creditNumber'), "id") WHERE "name" = 'bills';
