-- A supersession is history: once recorded it is never changed or removed, whoever connects.
CREATE FUNCTION "figure_supersessions_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'figure_supersessions is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "figure_supersessions_append_only" BEFORE UPDATE OR DELETE ON "figure_supersessions" FOR EACH ROW EXECUTE FUNCTION "figure_supersessions_append_only"();
