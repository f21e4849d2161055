-- The survey panel refers to the enterprise registry (issue 18): the next migration (survey_panel_registry) gives
-- survey_panel_members.uscc its foreign key to enterprises.uscc and drops the member's copied industry, section,
-- district, size class and synthetic flag, which are read from the registry from now on (the version in force at
-- each wave). Before it can, every member must have its registry row. This migration runs first for that reason.
--
-- A synthetic demo panel (its members marked synthetic, made by the demo generator before the registry existed) has
-- no registry rows. It is dropped with everything recorded for it — answers, tallies, import batches, waves — and the
-- next start draws the demo again from the registry's synthetic enterprises (services/prosperity/demo.ts). It is not
-- registered from its own copies: its members have no names, no 规模以上 flag and division-level industry codes;
-- made-up registry rows would show in the enterprise search and the industry counts beside issue 18's sample, and its
-- answers carry nothing — they are generated from a seed and are generated again. The demo is only ever loaded into
-- an empty survey and a panel is only drawn into a survey without members, so a panel is all synthetic or all drawn.
--
-- A drawn panel's members stay, with every answer. Each must be in the registry already (the frame it was drawn from
-- is the registry's export); one that is not stops this migration with its survey and code, and nothing changes:
-- import those enterprises into the enterprise database (with the release before this one), then upgrade. The
-- registry is not made up from the panel's copies, which lack what a registry row must say (name, 规模以上).

-- The demo surveys: every member synthetic.
CREATE TEMPORARY TABLE "survey_demo_dropped" ON COMMIT DROP AS
  SELECT survey_code, count(*)::int AS members FROM "survey_panel_members" GROUP BY survey_code HAVING bool_and(synthetic);
--> statement-breakpoint
DO $$
DECLARE
  missing integer;
  listed text;
BEGIN
  SELECT count(*)::int INTO missing
    FROM "survey_panel_members" m
    WHERE m.survey_code NOT IN (SELECT survey_code FROM "survey_demo_dropped")
      AND NOT EXISTS (SELECT 1 FROM "enterprises" e WHERE e.uscc = m.uscc);
  IF missing > 0 THEN
    SELECT string_agg(x.survey_code || ' ' || x.uscc, ', ') INTO listed
      FROM (SELECT m.survey_code, m.uscc FROM "survey_panel_members" m
            WHERE m.survey_code NOT IN (SELECT survey_code FROM "survey_demo_dropped")
              AND NOT EXISTS (SELECT 1 FROM "enterprises" e WHERE e.uscc = m.uscc)
            ORDER BY m.survey_code, m.uscc LIMIT 20) x;
    RAISE EXCEPTION '% survey panel member(s) not in the enterprise registry: %', missing, listed
      USING ERRCODE = 'foreign_key_violation',
            HINT = 'import these enterprises into the enterprise database (plan-monitor enterprises import, with the release before this one), then upgrade again';
  END IF;
END $$;
--> statement-breakpoint
-- Answers are kept by a trigger for every role; these are synthetic, and only these go.
ALTER TABLE "survey_responses" DISABLE TRIGGER "survey_responses_kept";
--> statement-breakpoint
DELETE FROM "survey_responses" WHERE survey_code IN (SELECT survey_code FROM "survey_demo_dropped");
--> statement-breakpoint
ALTER TABLE "survey_responses" ENABLE TRIGGER "survey_responses_kept";
--> statement-breakpoint
DELETE FROM "survey_tallies" WHERE wave_id IN (SELECT w.id FROM "survey_waves" w WHERE w.survey_code IN (SELECT survey_code FROM "survey_demo_dropped"));
--> statement-breakpoint
DELETE FROM "survey_import_batches" WHERE wave_id IN (SELECT w.id FROM "survey_waves" w WHERE w.survey_code IN (SELECT survey_code FROM "survey_demo_dropped"));
--> statement-breakpoint
DELETE FROM "survey_waves" WHERE survey_code IN (SELECT survey_code FROM "survey_demo_dropped");
--> statement-breakpoint
DELETE FROM "survey_panel_members" WHERE survey_code IN (SELECT survey_code FROM "survey_demo_dropped");
--> statement-breakpoint
INSERT INTO "audit_log" (actor_name, action, entity, entity_id, new_value)
  SELECT 'system', 'survey_demo_dropped', 'survey', survey_code,
         jsonb_build_object('members', members, 'why', 'synthetic demo panel without registry rows; drawn again from the enterprise registry at the next start')
  FROM "survey_demo_dropped";
