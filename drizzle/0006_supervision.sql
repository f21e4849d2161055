CREATE TABLE "project_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"format" text NOT NULL,
	"rows" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"total_investment" numeric,
	"annual_plan" numeric,
	"planned_start" date,
	"planned_completion" date,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_progress" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_progress_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"month" text NOT NULL,
	"year" integer NOT NULL,
	"months_elapsed" integer NOT NULL,
	"revision" integer NOT NULL,
	"ytd_completed" numeric NOT NULL,
	"since_start_completed" numeric,
	"phase" text,
	"actual_start" date,
	"actual_completion" date,
	"image_progress" text,
	"problems" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"import_id" integer,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_progress_phase_check" CHECK ("project_progress"."phase" is null or "project_progress"."phase" in ('preparation', 'new_start', 'continuing', 'completed')),
	CONSTRAINT "project_progress_money_check" CHECK ("project_progress"."ytd_completed" >= 0 and ("project_progress"."since_start_completed" is null or "project_progress"."since_start_completed" >= 0))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" text NOT NULL,
	"item_key" text NOT NULL,
	"code" text,
	"region_code" text,
	"owner_unit_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_settings" (
	"plan_id" text PRIMARY KEY NOT NULL,
	"cycle" text DEFAULT 'quarterly' NOT NULL,
	"due_days" integer DEFAULT 10 NOT NULL,
	"warn_days" integer DEFAULT 15 NOT NULL,
	"behind_points" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "supervision_settings_cycle_check" CHECK ("supervision_settings"."cycle" in ('monthly', 'quarterly', 'half_yearly')),
	CONSTRAINT "supervision_settings_days_check" CHECK ("supervision_settings"."due_days" between 0 and 90 and "supervision_settings"."warn_days" between 0 and 180 and "supervision_settings"."behind_points" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "task_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea",
	"path" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_co_units" (
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "task_co_units_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "task_nodes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_nodes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"title" text NOT NULL,
	"due" date NOT NULL,
	"expected_output" text,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "task_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"reply_by" date NOT NULL,
	"state" text DEFAULT 'issued' NOT NULL,
	"issued_by" integer,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reply_text" text,
	"replied_by" integer,
	"replied_at" timestamp with time zone,
	"review_comment" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "task_notices_state_check" CHECK ("task_notices"."state" in ('issued', 'replied', 'accepted', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period_code" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"narrative" text NOT NULL,
	"percent" numeric,
	"problems" text,
	"coordination" text,
	"node_statuses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"close_requested" boolean DEFAULT false NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	CONSTRAINT "task_reports_state_check" CHECK ("task_reports"."state" in ('submitted', 'approved', 'returned')),
	CONSTRAINT "task_reports_percent_check" CHECK ("task_reports"."percent" is null or ("task_reports"."percent" >= 0 and "task_reports"."percent" <= 100))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" text NOT NULL,
	"item_key" text,
	"parent_id" integer,
	"kind" text NOT NULL,
	"title_zh" text,
	"title_en" text,
	"lead_unit_id" integer,
	"state" text DEFAULT 'unassigned' NOT NULL,
	"start_date" date,
	"deadline" date,
	"indicator_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"assigned_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tasks_kind_check" CHECK ("tasks"."kind" in ('measure', 'project', 'base', 'park', 'subtask')),
	CONSTRAINT "tasks_state_check" CHECK ("tasks"."state" in ('unassigned', 'assigned', 'accepted', 'in_progress', 'completed')),
	CONSTRAINT "tasks_identity_check" CHECK (("tasks"."kind" = 'subtask') = ("tasks"."item_key" is null) and ("tasks"."kind" = 'subtask') = ("tasks"."parent_id" is not null) and ("tasks"."kind" <> 'subtask' or "tasks"."title_zh" is not null))
);
--> statement-breakpoint
CREATE TABLE "unit_members" (
	"unit_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "unit_members_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code"),
	CONSTRAINT "units_name_zh_unique" UNIQUE("name_zh"),
	CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('department', 'district'))
);
--> statement-breakpoint
ALTER TABLE "project_imports" ADD CONSTRAINT "project_imports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_imports" ADD CONSTRAINT "project_imports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_imports" ADD CONSTRAINT "project_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_plans" ADD CONSTRAINT "project_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_plans" ADD CONSTRAINT "project_plans_import_id_project_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."project_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_progress" ADD CONSTRAINT "project_progress_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_progress" ADD CONSTRAINT "project_progress_import_id_project_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."project_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_settings" ADD CONSTRAINT "supervision_settings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_settings" ADD CONSTRAINT "supervision_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_report_id_task_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."task_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_co_units" ADD CONSTRAINT "task_co_units_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_co_units" ADD CONSTRAINT "task_co_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_nodes" ADD CONSTRAINT "task_nodes_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notices" ADD CONSTRAINT "task_notices_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notices" ADD CONSTRAINT "task_notices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notices" ADD CONSTRAINT "task_notices_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notices" ADD CONSTRAINT "task_notices_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_id_tasks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_members" ADD CONSTRAINT "unit_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_members" ADD CONSTRAINT "unit_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_plans_version_idx" ON "project_plans" USING btree ("project_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "project_progress_revision_idx" ON "project_progress" USING btree ("project_id","month","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_plan_item_idx" ON "projects" USING btree ("plan_id","item_key");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_plan_code_idx" ON "projects" USING btree ("plan_id","code") WHERE "projects"."code" is not null;--> statement-breakpoint
CREATE INDEX "task_co_units_unit_idx" ON "task_co_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "task_nodes_task_idx" ON "task_nodes" USING btree ("task_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "task_notices_seq_idx" ON "task_notices" USING btree ("task_id","seq");--> statement-breakpoint
CREATE INDEX "task_reports_task_idx" ON "task_reports" USING btree ("task_id","period_code");--> statement-breakpoint
CREATE INDEX "task_reports_pending_idx" ON "task_reports" USING btree ("state") WHERE "task_reports"."state" = 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_plan_item_idx" ON "tasks" USING btree ("plan_id","item_key") WHERE "tasks"."item_key" is not null;--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id","kind");--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "unit_members_user_idx" ON "unit_members" USING btree ("user_id");