CREATE TABLE "figure_supersessions" (
	"superseded_id" integer PRIMARY KEY NOT NULL,
	"superseded_by" integer NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_source_kind_check";--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "growth_of" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "source_read_at" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "precision" text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "growth_basis" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "evaluation_settings" jsonb DEFAULT '{"exceedMargin":0,"overshoot":"flag"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "figure_supersessions" ADD CONSTRAINT "figure_supersessions_superseded_id_observations_id_fk" FOREIGN KEY ("superseded_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_supersessions" ADD CONSTRAINT "figure_supersessions_superseded_by_observations_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_precision_check" CHECK ("observations"."precision" in ('exact', 'rounded', 'lower_bound', 'upper_bound'));--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_source_kind_check" CHECK ("observations"."source_kind" in ('bureau_bulletin', 'yearbook', 'bureau', 'work_report', 'department', 'government', 'press', 'third_party'));