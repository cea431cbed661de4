CREATE TYPE "public"."episode_event_kind" AS ENUM('healed', 'reopened');--> statement-breakpoint
CREATE TYPE "public"."known_symptom_source" AS ENUM('exam', 'red_flag_resolution');--> statement-breakpoint
CREATE SEQUENCE "public"."clinical_event_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "episode_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" "episode_event_kind" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigint DEFAULT nextval('clinical_event_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "known_symptoms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"flag" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" "known_symptom_source" NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "activity_logs" ADD COLUMN "pain_before" integer;--> statement-breakpoint
ALTER TABLE "activity_logs" ADD COLUMN "new_numbness_or_weakness" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "neuro_worse" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clearances" ADD COLUMN "withdrawn" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clearances" ADD COLUMN "seq" bigint DEFAULT nextval('clinical_event_seq') NOT NULL;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD COLUMN "check_in_id" uuid;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD COLUMN "seq" bigint DEFAULT nextval('clinical_event_seq') NOT NULL;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_events" ADD CONSTRAINT "episode_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "known_symptoms" ADD CONSTRAINT "known_symptoms_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "known_symptoms" ADD CONSTRAINT "known_symptoms_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "episode_events_episode_idx" ON "episode_events" USING btree ("episode_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "known_symptoms_one_current" ON "known_symptoms" USING btree ("patient_id","flag") WHERE "known_symptoms"."ended_at" is null;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD CONSTRAINT "red_flag_alerts_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- A withdrawal used to be told apart only by its note.
UPDATE "clearances" SET "withdrawn" = true WHERE "level" = 'not_cleared' AND "note" LIKE 'Withdrawn:%';--> statement-breakpoint
-- Number the facts already recorded in the order they happened, so "decided after the latest
-- red flag" holds for them too; new facts take the next numbers as they are written.
UPDATE "clearances" c SET "seq" = o.n FROM (
  SELECT kind, id, row_number() OVER (ORDER BY at, kind, id) AS n FROM (
    SELECT 'clearance' AS kind, id, signed_at AS at FROM "clearances"
    UNION ALL SELECT 'red_flag', id, raised_at FROM "red_flag_alerts"
  ) facts
) o WHERE o.kind = 'clearance' AND o.id = c.id;--> statement-breakpoint
UPDATE "red_flag_alerts" r SET "seq" = o.n FROM (
  SELECT kind, id, row_number() OVER (ORDER BY at, kind, id) AS n FROM (
    SELECT 'clearance' AS kind, id, signed_at AS at FROM "clearances"
    UNION ALL SELECT 'red_flag', id, raised_at FROM "red_flag_alerts"
  ) facts
) o WHERE o.kind = 'red_flag' AND o.id = r.id;--> statement-breakpoint
SELECT setval('clinical_event_seq', (SELECT count(*) FROM "clearances") + (SELECT count(*) FROM "red_flag_alerts") + 1, false);--> statement-breakpoint
INSERT INTO "episode_events" ("patient_id", "episode_id", "kind", "occurred_at")
  SELECT "patient_id", "id", 'healed', "resolved_at" FROM "episodes" WHERE "status" = 'healed';--> statement-breakpoint
-- Medicines become structured doses (amount, unit, times a day, days, start date). Free-text
-- doses written before are read as well as they can be: the largest amount in mg, the times a
-- day, "up to" or "when needed" as taken only when needed, from the plan's start date. A dose
-- with no amount to read gets 0, which the plan editor refuses until a physician restates it.
CREATE FUNCTION "pg_temp"."structured_medicine"(dose jsonb, plan_start text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  amounts numeric[];
  freq text := lower(coalesce(dose->>'frequencyText', ''));
  times int := 1;
  amount numeric;
BEGIN
  SELECT array_agg(CASE lower(m[2]) WHEN 'g' THEN m[1]::numeric * 1000 WHEN 'mcg' THEN m[1]::numeric / 1000 ELSE m[1]::numeric END)
    INTO amounts FROM regexp_matches(coalesce(dose->>'doseText', ''), '([0-9]+(?:\.[0-9]+)?)\s*(mg|g|mcg)\M', 'gi') AS m;
  amount := coalesce((SELECT max(a) FROM unnest(amounts) a), 0);
  IF freq ~ '([0-9]+)\s*times' THEN times := least(8, (substring(freq FROM '([0-9]+)\s*times'))::int);
  ELSIF freq ~ 'twice' THEN times := 2;
  ELSIF freq ~ 'every\s*[0-9]+\s*hours' THEN times := least(8, greatest(1, 24 / (substring(freq FROM 'every\s*([0-9]+)\s*hours'))::int));
  END IF;
  RETURN jsonb_build_object(
    'kind', 'medicine', 'drug', dose->>'drug', 'amount', amount, 'unit', 'mg', 'timesPerDay', greatest(times, 1),
    'asNeeded', freq ~ '(up to|when needed|as needed|if needed|prn)', 'days', coalesce((dose->>'maxDays')::int, 1), 'startDate', plan_start);
END $$;--> statement-breakpoint
UPDATE "plan_versions" SET "plan" = jsonb_set("plan", '{items}', (
  SELECT coalesce(jsonb_agg(CASE WHEN item->'dose' ? 'doseText'
    THEN jsonb_set(item, '{dose}', pg_temp.structured_medicine(item->'dose', "plan"->>'startDate')) ELSE item END ORDER BY ord), '[]'::jsonb)
  FROM jsonb_array_elements("plan"->'items') WITH ORDINALITY AS items(item, ord)
)) WHERE "plan"::text LIKE '%doseText%';
