ALTER TABLE "outbox" ALTER COLUMN "envelope" SET DATA TYPE text USING "envelope"::text;
