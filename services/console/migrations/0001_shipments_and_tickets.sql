CREATE TABLE "shipments" (
	"waybill_id" text PRIMARY KEY NOT NULL,
	"bill_number" text,
	"status" text,
	"last_seq" bigint NOT NULL,
	"last_event_at" text NOT NULL,
	"containers" text[] NOT NULL,
	"credit_numbers" text[] NOT NULL,
	"parties" text[] NOT NULL,
	"places" text[] NOT NULL,
	"attention" text[] NOT NULL,
	"decision_deadline" text,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stream_tickets" (
	"ticket_hash" text PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "shipments_last_seq" ON "shipments" USING btree ("last_seq");--> statement-breakpoint
CREATE INDEX "shipments_bill_number" ON "shipments" USING btree ("bill_number");--> statement-breakpoint
CREATE INDEX "shipments_containers" ON "shipments" USING gin ("containers");--> statement-breakpoint
CREATE INDEX "shipments_credit_numbers" ON "shipments" USING gin ("credit_numbers");--> statement-breakpoint
CREATE INDEX "shipments_parties" ON "shipments" USING gin ("parties");--> statement-breakpoint
CREATE INDEX "shipments_places" ON "shipments" USING gin ("places");