CREATE TABLE "enterprise_import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enterprise_import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"format" text NOT NULL,
	"rows_total" integer NOT NULL,
	"figures_added" integer NOT NULL,
	"versions_added" integer NOT NULL,
	"rows_rejected" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_items" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"kind" text NOT NULL,
	"cumulative_non_decreasing" boolean NOT NULL,
	"min" numeric NOT NULL,
	"max" numeric NOT NULL,
	"ordinal" integer NOT NULL,
	CONSTRAINT "enterprise_items_kind_check" CHECK ("enterprise_items"."kind" in ('flow', 'stock'))
);
--> statement-breakpoint
CREATE TABLE "enterprise_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enterprise_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"uscc" text NOT NULL,
	"valid_from" date NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"industry_code" text NOT NULL,
	"size_class" text,
	"above_designated_size" boolean NOT NULL,
	"opened_on" date,
	"closed_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_batch_id" integer,
	CONSTRAINT "enterprise_versions_size_class_check" CHECK ("enterprise_versions"."size_class" is null or "enterprise_versions"."size_class" in ('large', 'medium', 'small', 'micro')),
	CONSTRAINT "enterprise_versions_closed_check" CHECK ("enterprise_versions"."closed_on" is null or "enterprise_versions"."opened_on" is null or "enterprise_versions"."closed_on" >= "enterprise_versions"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"uscc" text PRIMARY KEY NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"current_version_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_check" CHECK (length("enterprises"."uscc") = 18)
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"name_zh" text NOT NULL,
	"parent_code" text,
	"section_code" text NOT NULL,
	CONSTRAINT "industries_level_check" CHECK ("industries"."level" in ('section', 'division', 'group', 'class'))
);
--> statement-breakpoint
CREATE TABLE "key_enterprise_list_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_enterprise_list_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"list_code" text NOT NULL,
	"uscc" text NOT NULL,
	"valid_from" date NOT NULL,
	"member" boolean NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_batch_id" integer
);
--> statement-breakpoint
CREATE TABLE "key_enterprise_lists" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"plan_id" text,
	"chapter" text
);
--> statement-breakpoint
ALTER TABLE "enterprise_versions" ADD CONSTRAINT "enterprise_versions_uscc_enterprises_uscc_fk" FOREIGN KEY ("uscc") REFERENCES "public"."enterprises"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_versions" ADD CONSTRAINT "enterprise_versions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_versions" ADD CONSTRAINT "enterprise_versions_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_versions" ADD CONSTRAINT "enterprise_versions_import_batch_id_enterprise_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."enterprise_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_current_version_id_enterprise_versions_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."enterprise_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industries" ADD CONSTRAINT "industries_parent_code_industries_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_enterprise_list_entries" ADD CONSTRAINT "key_enterprise_list_entries_list_code_key_enterprise_lists_code_fk" FOREIGN KEY ("list_code") REFERENCES "public"."key_enterprise_lists"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_enterprise_list_entries" ADD CONSTRAINT "key_enterprise_list_entries_uscc_enterprises_uscc_fk" FOREIGN KEY ("uscc") REFERENCES "public"."enterprises"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_enterprise_list_entries" ADD CONSTRAINT "key_enterprise_list_entries_import_batch_id_enterprise_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."enterprise_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_versions_uscc_idx" ON "enterprise_versions" USING btree ("uscc","valid_from");--> statement-breakpoint
CREATE INDEX "enterprise_versions_industry_idx" ON "enterprise_versions" USING btree ("industry_code","region_code");--> statement-breakpoint
CREATE INDEX "key_enterprise_list_entries_idx" ON "key_enterprise_list_entries" USING btree ("uscc","list_code","valid_from");