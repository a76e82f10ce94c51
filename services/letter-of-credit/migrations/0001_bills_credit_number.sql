-- docs/contract.md §6: a credit's correlation id is the bill that names it by creditNumber; find that bill without a scan.
CREATE INDEX "projections_bills_credit_number" ON "projections" USING btree (("state"->>'creditNumber'), "id") WHERE "name" = 'bills';
