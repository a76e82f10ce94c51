CREATE TABLE "declaration_index" (
	"declaration_id" uuid PRIMARY KEY NOT NULL,
	"waybill_id" uuid NOT NULL,
	"type" text NOT NULL,
	"office" text NOT NULL,
	"destination_office" text,
	"status" text NOT NULL,
	"parties" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "declaration_index_waybill" ON "declaration_index" USING btree ("waybill_id","declaration_id");--> statement-breakpoint
CREATE INDEX "declaration_index_parties" ON "declaration_index" USING gin ("parties");--> statement-breakpoint
CREATE INDEX "declaration_index_office" ON "declaration_index" USING btree ("office");--> statement-breakpoint
CREATE INDEX "declaration_index_destination_office" ON "declaration_index" USING btree ("destination_office");