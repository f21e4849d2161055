-- Survey answers are never lost: a changed questionnaire is a new row, and the one it replaces is marked superseded —
-- the only change a stored questionnaire may undergo, once. None is deleted, whoever connects.
CREATE FUNCTION "survey_responses_kept"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'survey answers are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'survey answers are never deleted (questionnaire %)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.superseded_at IS NOT NULL OR NEW.superseded_at IS NULL
     OR (NEW.id, NEW.wave_id, NEW.survey_code, NEW.uscc, NEW.answers, NEW.import_batch_id, NEW.recorded_at)
        IS DISTINCT FROM (OLD.id, OLD.wave_id, OLD.survey_code, OLD.uscc, OLD.answers, OLD.import_batch_id, OLD.recorded_at) THEN
    RAISE EXCEPTION 'questionnaire % is kept as recorded: import the new answers, which supersede it', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "survey_responses_kept" BEFORE UPDATE OR DELETE ON "survey_responses" FOR EACH ROW EXECUTE FUNCTION "survey_responses_kept"();
--> statement-breakpoint
CREATE TRIGGER "survey_responses_no_truncate" BEFORE TRUNCATE ON "survey_responses" FOR EACH STATEMENT EXECUTE FUNCTION "survey_responses_kept"();
