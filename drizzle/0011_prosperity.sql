CREATE TABLE "survey_import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"wave_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"format" text NOT NULL,
	"rows_total" integer NOT NULL,
	"added" integer NOT NULL,
	"revised" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_panel_members" (
	"survey_code" text NOT NULL,
	"uscc" text NOT NULL,
	"industry_code" text NOT NULL,
	"section_code" text NOT NULL,
	"region_code" text NOT NULL,
	"size_class" text,
	"revenue" numeric,
	"employees" numeric,
	"synthetic" boolean DEFAULT false NOT NULL,
	"joined_period" text NOT NULL,
	"left_period" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_panel_members_survey_code_uscc_pk" PRIMARY KEY("survey_code","uscc"),
	CONSTRAINT "survey_panel_members_uscc_check" CHECK (length("survey_panel_members"."uscc") = 18),
	CONSTRAINT "survey_panel_members_size_class_check" CHECK ("survey_panel_members"."size_class" is null or "survey_panel_members"."size_class" in ('large', 'medium', 'small', 'micro')),
	CONSTRAINT "survey_panel_members_section_check" CHECK ("survey_panel_members"."section_code" ~ '^[A-T]$')
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"survey_code" text NOT NULL,
	"code" text NOT NULL,
	"ordinal" integer NOT NULL,
	"scale" text NOT NULL,
	"horizons" text[] NOT NULL,
	"index_kind" text,
	CONSTRAINT "survey_questions_survey_code_code_pk" PRIMARY KEY("survey_code","code")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"wave_id" integer NOT NULL,
	"survey_code" text NOT NULL,
	"uscc" text NOT NULL,
	"answers" jsonb NOT NULL,
	"import_batch_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "survey_responses_answers_check" CHECK (jsonb_typeof("survey_responses"."answers") = 'object' and not jsonb_path_exists("survey_responses"."answers", '$.* ? (@ != 1 && @ != 0 && @ != -1)'))
);
--> statement-breakpoint
CREATE TABLE "survey_tallies" (
	"wave_id" integer NOT NULL,
	"item" text NOT NULL,
	"grp" text NOT NULL,
	"n" integer NOT NULL,
	"positive" integer NOT NULL,
	"neutral" integer NOT NULL,
	"negative" integer NOT NULL,
	"revenue_positive" double precision NOT NULL,
	"revenue_neutral" double precision NOT NULL,
	"revenue_negative" double precision NOT NULL,
	"revenue_max" double precision NOT NULL,
	"employees_positive" double precision NOT NULL,
	"employees_neutral" double precision NOT NULL,
	"employees_negative" double precision NOT NULL,
	"employees_max" double precision NOT NULL,
	CONSTRAINT "survey_tallies_wave_id_item_grp_pk" PRIMARY KEY("wave_id","item","grp")
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_waves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"survey_code" text NOT NULL,
	"period" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_waves_id_survey_key" UNIQUE("id","survey_code")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"frequency" text NOT NULL,
	"definition" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_frequency_check" CHECK ("surveys"."frequency" in ('monthly', 'quarterly'))
);
--> statement-breakpoint
ALTER TABLE "survey_import_batches" ADD CONSTRAINT "survey_import_batches_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_panel_members" ADD CONSTRAINT "survey_panel_members_survey_code_surveys_code_fk" FOREIGN KEY ("survey_code") REFERENCES "public"."surveys"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_panel_members" ADD CONSTRAINT "survey_panel_members_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_code_surveys_code_fk" FOREIGN KEY ("survey_code") REFERENCES "public"."surveys"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_import_batch_id_survey_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."survey_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_wave_fk" FOREIGN KEY ("wave_id","survey_code") REFERENCES "public"."survey_waves"("id","survey_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_member_fk" FOREIGN KEY ("survey_code","uscc") REFERENCES "public"."survey_panel_members"("survey_code","uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_survey_code_surveys_code_fk" FOREIGN KEY ("survey_code") REFERENCES "public"."surveys"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_panel_members_groups_idx" ON "survey_panel_members" USING btree ("survey_code","section_code","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_current_idx" ON "survey_responses" USING btree ("wave_id","uscc") WHERE "survey_responses"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_waves_period_idx" ON "survey_waves" USING btree ("survey_code","period");