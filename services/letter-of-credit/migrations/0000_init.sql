CREATE TABLE "credit_index" (
	"credit_id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"parties" text[] NOT NULL,
	"expiry_date" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_index_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "pending_presentations" (
	"presentation_id" uuid PRIMARY KEY NOT NULL,
	"credit_id" uuid NOT NULL,
	"waybill_id" uuid NOT NULL,
	"presented_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "credit_index_parties" ON "credit_index" USING gin ("parties");--> statement-breakpoint
CREATE INDEX "credit_index_expiry" ON "credit_index" USING btree ("status","expiry_date");--> statement-breakpoint
CREATE INDEX "pending_presentations_waybill" ON "pending_presentations" USING btree ("waybill_id");--> statement-breakpoint
CREATE INDEX "pending_presentations_credit" ON "pending_presentations" USING btree ("credit_id");