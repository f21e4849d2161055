ALTER TABLE "observations" ADD COLUMN "approval_state" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "approval_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "entered_by" integer;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "submitted_by" integer;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "decided_by" integer;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "decision_comment" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "corrects" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_corrects_observations_id_fk" FOREIGN KEY ("corrects") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observations_pending_idx" ON "observations" USING btree ("approval_state") WHERE "observations"."approval_state" <> 'approved';--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_approval_state_check" CHECK ("observations"."approval_state" in ('draft', 'submitted', 'approved', 'rejected'));--> statement-breakpoint
-- Figures stored before approval existed were loaded by the system from published sources: they count as approved.
UPDATE "observations" SET "approval_state" = 'approved';
--> statement-breakpoint
-- An approved figure is locked and no figure is ever deleted, whoever connects: corrections are new figures.
CREATE FUNCTION "observations_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'figures are never deleted (observation %)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.approval_state = 'approved' THEN
    RAISE EXCEPTION 'observation % is approved and locked: enter a correction (a new vintage) instead', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "observations_locked" BEFORE UPDATE OR DELETE ON "observations" FOR EACH ROW EXECUTE FUNCTION "observations_locked"();
