CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"numerator_code" text,
	"denominator_code" text
);
--> statement-breakpoint
CREATE TABLE "loaded_files" (
	"name" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"plan_id" text NOT NULL,
	"indicator_code" text NOT NULL,
	"ordinal" integer NOT NULL,
	"system" boolean NOT NULL,
	"category" text NOT NULL,
	"number" integer,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"attribute" text NOT NULL,
	"direction" text NOT NULL,
	"baseline_value" numeric,
	"baseline_year" integer,
	"baseline_quote" text,
	"target_value" numeric,
	"target_year" integer,
	"target_printed" text,
	"comparator" text,
	"tolerance" numeric,
	"target_wording" text,
	"location" jsonb,
	"notes" text,
	CONSTRAINT "plan_indicators_plan_id_indicator_code_pk" PRIMARY KEY("plan_id","indicator_code"),
	CONSTRAINT "plan_indicators_attribute_check" CHECK ("plan_indicators"."attribute" in ('expected', 'binding')),
	CONSTRAINT "plan_indicators_comparator_check" CHECK ("plan_indicators"."comparator" is null or "plan_indicators"."comparator" in ('at_least', 'about', 'at_most')),
	CONSTRAINT "plan_indicators_direction_check" CHECK ("plan_indicators"."direction" in ('increase', 'decrease'))
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"plan_id" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"parent_key" text,
	"ordinal" integer NOT NULL,
	"number" text,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"text_zh" text,
	"text_en" text,
	"field_zh" text,
	"field_en" text,
	"action_zh" text,
	"action_en" text,
	"lead_departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"indicator_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"location" jsonb NOT NULL,
	CONSTRAINT "plan_items_plan_id_key_pk" PRIMARY KEY("plan_id","key"),
	CONSTRAINT "plan_items_kind_check" CHECK ("plan_items"."kind" in ('chapter', 'section', 'group', 'measure', 'project', 'district_direction', 'base', 'park'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"short_name_zh" text,
	"short_name_en" text,
	"issuer_zh" text NOT NULL,
	"issuer_en" text NOT NULL,
	"region_code" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"base_year" integer NOT NULL,
	"source_title" text,
	"source_file" text,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"predecessors" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('city', 'district')),
	CONSTRAINT "regions_kind_check" CHECK ("regions"."kind" in ('administrative', 'functional')),
	CONSTRAINT "regions_validity_check" CHECK ("regions"."valid_to" is null or "regions"."valid_to" >= "regions"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_numerator_code_indicators_code_fk" FOREIGN KEY ("numerator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_denominator_code_indicators_code_fk" FOREIGN KEY ("denominator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_regions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_items_kind_idx" ON "plan_items" USING btree ("plan_id","kind","ordinal");