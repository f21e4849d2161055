ALTER TABLE "observations" DROP CONSTRAINT "observations_approval_state_check";--> statement-breakpoint
DROP INDEX "observations_pending_idx";--> statement-breakpoint
CREATE INDEX "observations_pending_idx" ON "observations" USING btree ("approval_state") WHERE "observations"."approval_state" not in ('approved', 'withdrawn');--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_approval_state_check" CHECK ("observations"."approval_state" in ('draft', 'submitted', 'approved', 'rejected', 'withdrawn'));