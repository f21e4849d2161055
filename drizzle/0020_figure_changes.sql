-- The figure version: how often the stored figures changed, apart from the data version's every table. A check of a
-- file's rows keeps the approved figures it read (src/services/quality/check.ts) until a figure or a supersession
-- changes — not until anything at all does (a rule file, a unit, a task). The data version's rows carry it: a
-- second weight, 1 for a transaction that wrote figures, 0 for one that did not, so it moves at the same commit, is
-- compacted with the same statement and needs no counter row that writers would queue on.
ALTER TABLE "data_changes" ADD COLUMN "figures" bigint NOT NULL DEFAULT 0 CHECK ("figures" >= 0);
--> statement-breakpoint
CREATE FUNCTION "figures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "data_changes" ("tx", "figures") VALUES (pg_current_xact_id(), 1)
    ON CONFLICT ("tx") DO UPDATE SET "figures" = 1 WHERE "data_changes"."figures" = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "observations" FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
--> statement-breakpoint
ALTER TABLE "observations" ENABLE ALWAYS TRIGGER "figures_changed";
--> statement-breakpoint
CREATE TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "figure_supersessions" FOR EACH STATEMENT EXECUTE FUNCTION "figures_changed"();
--> statement-breakpoint
ALTER TABLE "figure_supersessions" ENABLE ALWAYS TRIGGER "figures_changed";
