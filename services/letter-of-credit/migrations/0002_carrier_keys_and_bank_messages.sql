-- docs/ucp600.md §4: the first key consumed for each carrier (a key the parties file configures wins over it).
CREATE TABLE "carrier_keys" (
	"carrier_id" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"jwk" jsonb NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- docs/swift-messages.md: the SWIFT messages of a credit's life, numbered per credit, written with their event.
CREATE TABLE "bank_messages" (
	"credit_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"mt" text NOT NULL,
	"sender" text NOT NULL,
	"receiver" text NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"part" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bank_messages_credit_id_n_pk" PRIMARY KEY("credit_id","n"),
	CONSTRAINT "bank_messages_event_part" UNIQUE("event_id","part")
);
