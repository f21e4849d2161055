CREATE TABLE "region_boundaries" (
	"region_code" text PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL,
	"properties" jsonb NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"plan_id" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date,
	"label" jsonb,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_plan_id_version_pk" PRIMARY KEY("plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "qualitative_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qualitative_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" text NOT NULL,
	"indicator_code" text NOT NULL,
	"target_year" integer NOT NULL,
	"assessment" text NOT NULL,
	"evidence" text NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualitative_assessments_assessment_check" CHECK ("qualitative_assessments"."assessment" in ('achieved', 'largely_achieved', 'on_track', 'at_risk', 'not_achieved'))
);
--> statement-breakpoint
CREATE TABLE "measurement_units" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"en_short" text NOT NULL,
	"dimension" text NOT NULL,
	"factor" numeric NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurement_units_factor_check" CHECK ("measurement_units"."factor" > 0)
);
--> statement-breakpoint
ALTER TABLE "regions" DROP CONSTRAINT "regions_level_check";--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "definition" jsonb;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "version_effective_from" date;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "version_label" jsonb;--> statement-breakpoint
ALTER TABLE "region_boundaries" ADD CONSTRAINT "region_boundaries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualitative_assessments" ADD CONSTRAINT "qualitative_assessments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qualitative_assessments_target_idx" ON "qualitative_assessments" USING btree ("plan_id","indicator_code","target_year","assessed_on");--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('province', 'city', 'district', 'street'));