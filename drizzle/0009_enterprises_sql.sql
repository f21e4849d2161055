-- Custom SQL migration (issue 18, enterprise database): what drizzle-kit cannot express. Keep verbatim.
-- 1. enterprise_figures, declaratively partitioned by range of period_end (year*100+month), one partition per year,
--    made on demand by enterprise_figures_partition(year); declared for typed queries in
--    src/db/schema/manual/enterpriseFigures.ts. The primary key holds the partition key (period_end) and the Citus
--    distribution column (region_code); its column order serves both the import's lookups (period, item, enterprise)
--    and the aggregates (one period and item, every enterprise).
CREATE TABLE "enterprise_figures" (
	"period_end" integer NOT NULL,
	"item_code" text NOT NULL,
	"period_start" integer NOT NULL,
	"uscc" text NOT NULL,
	"revision" smallint NOT NULL DEFAULT 1,
	"region_code" text NOT NULL,
	"period_code" text NOT NULL,
	"value" numeric NOT NULL,
	"industry_code" text NOT NULL,
	"above_designated_size" boolean NOT NULL,
	"import_batch_id" integer NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "enterprise_figures_pkey" PRIMARY KEY ("period_end", "item_code", "period_start", "uscc", "revision", "region_code"),
	CONSTRAINT "enterprise_figures_period_check" CHECK ("period_start" <= "period_end"),
	CONSTRAINT "enterprise_figures_revision_check" CHECK ("revision" >= 1),
	CONSTRAINT "enterprise_figures_uscc_fk" FOREIGN KEY ("uscc") REFERENCES "enterprises"("uscc"),
	CONSTRAINT "enterprise_figures_item_fk" FOREIGN KEY ("item_code") REFERENCES "enterprise_items"("code"),
	CONSTRAINT "enterprise_figures_region_fk" FOREIGN KEY ("region_code") REFERENCES "regions"("code"),
	CONSTRAINT "enterprise_figures_industry_fk" FOREIGN KEY ("industry_code") REFERENCES "industries"("code"),
	CONSTRAINT "enterprise_figures_batch_fk" FOREIGN KEY ("import_batch_id") REFERENCES "enterprise_import_batches"("id")
) PARTITION BY RANGE ("period_end");
--> statement-breakpoint
-- An enterprise's own figures (its page, the import's check of cumulative values against what is stored).
CREATE INDEX "enterprise_figures_uscc_idx" ON "enterprise_figures" USING btree ("uscc", "item_code", "period_end", "period_start");
--> statement-breakpoint
-- The partition of one year (months year01..year12), created when first needed; returns its name. Creating a
-- partition locks the parent briefly (ACCESS EXCLUSIVE): once a year per deployment.
CREATE FUNCTION "enterprise_figures_partition"(year integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  part text := 'enterprise_figures_' || year;
BEGIN
  IF year < 1949 OR year > 2100 THEN
    RAISE EXCEPTION 'enterprise_figures_partition: year % is out of range', year;
  END IF;
  IF to_regclass(quote_ident(part)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF "enterprise_figures" FOR VALUES FROM (%s) TO (%s)', part, year * 100 + 1, (year + 1) * 100 + 1);
  END IF;
  RETURN part;
END
$$;
--> statement-breakpoint
-- 2. History is never overwritten. A figure row may only be marked superseded (once); nothing else of it changes,
--    and no figure is deleted. Registry versions and key-list entries are append-only. An enterprise row may only
--    move its pointer to the version in force (current_version_id).
CREATE FUNCTION "enterprise_figures_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."superseded_at" IS NULL AND NEW."superseded_at" IS NOT NULL
     AND (NEW."period_end", NEW."item_code", NEW."period_start", NEW."uscc", NEW."revision", NEW."region_code", NEW."period_code", NEW."value",
          NEW."industry_code", NEW."above_designated_size", NEW."import_batch_id")
     IS NOT DISTINCT FROM (OLD."period_end", OLD."item_code", OLD."period_start", OLD."uscc", OLD."revision", OLD."region_code", OLD."period_code", OLD."value",
          OLD."industry_code", OLD."above_designated_size", OLD."import_batch_id") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'enterprise figures are never changed or deleted (% refused): a revision is a new row', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "enterprise_figures_locked" BEFORE UPDATE OR DELETE ON "enterprise_figures" FOR EACH ROW EXECUTE FUNCTION "enterprise_figures_locked"();
--> statement-breakpoint
CREATE FUNCTION "enterprise_history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed (a change is a new dated version)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "enterprise_versions_append_only" BEFORE UPDATE OR DELETE ON "enterprise_versions" FOR EACH ROW EXECUTE FUNCTION "enterprise_history_append_only"();
--> statement-breakpoint
CREATE TRIGGER "key_enterprise_list_entries_append_only" BEFORE UPDATE OR DELETE ON "key_enterprise_list_entries" FOR EACH ROW EXECUTE FUNCTION "enterprise_history_append_only"();
--> statement-breakpoint
CREATE FUNCTION "enterprises_pointer_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."uscc" = OLD."uscc" AND NEW."synthetic" = OLD."synthetic" AND NEW."recorded_at" = OLD."recorded_at" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'an enterprise is never deleted and its identity never changes (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "enterprises_pointer_only" BEFORE UPDATE OR DELETE ON "enterprises" FOR EACH ROW EXECUTE FUNCTION "enterprises_pointer_only"();
