CREATE SEQUENCE "public"."bill_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "carrier_keys" (
	"carrier_id" text PRIMARY KEY NOT NULL,
	"private_key_pem" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waybill_index" (
	"waybill_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"holder" text,
	"bill_number" text,
	"credit_number" text,
	"parties" text[] NOT NULL,
	"places" text[] NOT NULL,
	"containers" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "waybill_index_parties" ON "waybill_index" USING gin ("parties");--> statement-breakpoint
CREATE INDEX "waybill_index_places" ON "waybill_index" USING gin ("places");--> statement-breakpoint
CREATE INDEX "waybill_index_containers" ON "waybill_index" USING gin ("containers");--> statement-breakpoint
CREATE INDEX "waybill_index_credit" ON "waybill_index" USING btree ("credit_number") WHERE credit_number is not null;