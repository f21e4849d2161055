-- 督促检查, what drizzle cannot express (issue 16).
-- A project's plan versions (the baseline and its re-plans) and its dispatch records are kept as written: a re-plan is
-- a new version and a changed record a new revision, so a trigger refuses UPDATE and DELETE for every role.
CREATE FUNCTION "supervision_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: a re-plan is a new version, a changed record a new revision', TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "project_plans_append_only" BEFORE UPDATE OR DELETE ON "project_plans" FOR EACH ROW EXECUTE FUNCTION "supervision_append_only"();
--> statement-breakpoint
CREATE TRIGGER "project_progress_append_only" BEFORE UPDATE OR DELETE ON "project_progress" FOR EACH ROW EXECUTE FUNCTION "supervision_append_only"();
--> statement-breakpoint
-- Every measure, project, base and park of a plan loaded before this migration becomes a task (later loads add
-- theirs in the same transaction as the plan: services/loadPlan.ts).
INSERT INTO "tasks" ("plan_id", "item_key", "kind", "start_date", "deadline", "indicator_codes")
SELECT i."plan_id", i."key", i."kind", make_date(p."period_start", 1, 1), make_date(p."period_end", 12, 31), i."indicator_codes"
FROM "plan_items" i JOIN "plans" p ON p."id" = i."plan_id"
WHERE i."kind" IN ('measure', 'project', 'base', 'park')
ORDER BY i."plan_id", i."ordinal"
ON CONFLICT ("plan_id", "item_key") WHERE "item_key" IS NOT NULL DO NOTHING;
