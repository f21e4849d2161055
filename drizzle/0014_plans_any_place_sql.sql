-- Plans loaded before this version keep no indicator definitions (targets of every kind, frequency, 责任单位) and
-- no item details: forget their content hash so the next start reloads each bundled plan file once.
UPDATE "plans" SET "content_hash" = 'reload:' || "content_hash" WHERE "content_hash" NOT LIKE 'reload:%';
--> statement-breakpoint
-- A qualitative assessment (定性评估) is a signed judgement: a new judgement is a new row, an old one is never edited.
CREATE FUNCTION "qualitative_assessments_no_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'qualitative_assessments rows are never edited: record a new assessment' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "qualitative_assessments_no_update" BEFORE UPDATE ON "qualitative_assessments" FOR EACH ROW EXECUTE FUNCTION "qualitative_assessments_no_update"();
