CREATE TABLE "quality_acknowledgements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quality_acknowledgements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"observation_id" integer NOT NULL,
	"rule_id" text NOT NULL,
	"violation_key" text NOT NULL,
	"comment" text NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_rule_files" (
	"name" text PRIMARY KEY NOT NULL,
	"plan_id" text,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_calendars" (
	"plan_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quality_acknowledgements" ADD CONSTRAINT "quality_acknowledgements_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_acknowledgements" ADD CONSTRAINT "quality_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quality_acknowledgements_key_idx" ON "quality_acknowledgements" USING btree ("violation_key");--> statement-breakpoint
CREATE INDEX "quality_acknowledgements_observation_idx" ON "quality_acknowledgements" USING btree ("observation_id");