-- A withdrawn figure (已撤回) is kept and locked like an approved one: it counts nowhere and nothing changes it again.
CREATE OR REPLACE FUNCTION "observations_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'figures are never deleted (observation %)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.approval_state = 'approved' THEN
    RAISE EXCEPTION 'observation % is approved and locked: enter a correction (a new vintage) instead', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.approval_state = 'withdrawn' THEN
    RAISE EXCEPTION 'observation % was withdrawn and is locked: enter the figure again as a new one', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
