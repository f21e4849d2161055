CREATE TABLE "region_boundaries" (
	"region_code" text PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL,
	"properties" jsonb NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"en_short" text NOT NULL,
	"dimension" text NOT NULL,
	"factor" numeric NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_factor_check" CHECK ("units"."factor" > 0)
);
--> statement-breakpoint
ALTER TABLE "regions" DROP CONSTRAINT "regions_level_check";--> statement-breakpoint
ALTER TABLE "region_boundaries" ADD CONSTRAINT "region_boundaries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('province', 'city', 'district', 'street'));