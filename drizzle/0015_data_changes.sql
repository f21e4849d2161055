-- The data version: one row per transaction that changed data, written by a statement trigger on every table the
-- platform computes from, so that a result computed from the database (an evaluation, the forecasts, the board)
-- can be kept until the data changes (src/db/dataVersion.ts, src/services/cache/byDataVersion.ts).
--
-- The version is the sum of the committed rows' weights. It moves at the commit of a writing transaction and only
-- then (the row is part of the transaction: visible exactly when its data is), it never moves back, and writers never
-- wait for each other on it (each inserts its own key, unlike a counter row every writer would have to lock until it
-- commits). Readers compact the table now and then into one row of the same total weight (dataVersion.ts).
-- Not watched: the audit log, sessions, sign-in failures and API tokens — written by sign-ins and reads, not data.
CREATE TABLE "data_changes" (
  "tx" xid8 PRIMARY KEY DEFAULT pg_current_xact_id(),
  "weight" bigint NOT NULL DEFAULT 1 CHECK ("weight" > 0)
);
--> statement-breakpoint
CREATE FUNCTION "data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "data_changes" ("tx") VALUES (pg_current_xact_id()) ON CONFLICT ("tx") DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Watches a table: after any statement that may change it. ALWAYS: also when an import turns row triggers off
-- (session_replication_role = replica). Later migrations call it for each new table (a test checks every table).
CREATE FUNCTION "data_changes_watch"(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION "data_changed"()', t);
  EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER "data_changed"', t);
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname NOT IN ('data_changes', 'audit_log', 'sessions', 'login_failures', 'api_tokens')
    ORDER BY c.relname
  LOOP
    PERFORM "data_changes_watch"(t);
  END LOOP;
END $$;
