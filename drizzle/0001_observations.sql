CREATE TABLE "import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"format" text NOT NULL,
	"rows_total" integer NOT NULL,
	"rows_added" integer NOT NULL,
	"rows_unchanged" integer NOT NULL,
	"rows_rejected" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "observations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_code" text NOT NULL,
	"region_code" text NOT NULL,
	"period_code" text NOT NULL,
	"period_type" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"value" numeric NOT NULL,
	"unit" text NOT NULL,
	"value_std" numeric NOT NULL,
	"price_basis" text,
	"status" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_publication" text NOT NULL,
	"source_publisher" text,
	"source_link" text,
	"quote" text,
	"notes" text,
	"published_date" date NOT NULL,
	"published_date_estimated" boolean NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_batch_id" integer,
	"origin" text,
	"fingerprint" text NOT NULL,
	CONSTRAINT "observations_fingerprint_unique" UNIQUE("fingerprint"),
	CONSTRAINT "observations_status_check" CHECK ("observations"."status" in ('preliminary', 'final', 'revised', 'estimate')),
	CONSTRAINT "observations_price_basis_check" CHECK ("observations"."price_basis" is null or "observations"."price_basis" in ('current', 'comparable')),
	CONSTRAINT "observations_source_kind_check" CHECK ("observations"."source_kind" in ('bureau_bulletin', 'bureau', 'government', 'press', 'third_party')),
	CONSTRAINT "observations_period_check" CHECK ("observations"."period_start" <= "observations"."period_end")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "growth_rate_percent" numeric;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "growth_from_year" integer;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "growth_to_year" integer;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "growth_printed" text;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observations_series_idx" ON "observations" USING btree ("indicator_code","region_code","period_start","period_end");