CREATE TABLE "caseload_ranks" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"changes" bigint NOT NULL,
	"grace_days" integer NOT NULL,
	"healed" boolean NOT NULL,
	"open_red_flags" integer NOT NULL,
	"need_score" integer NOT NULL,
	"last7" real,
	"attention" boolean NOT NULL,
	"urgent" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "caseload_ranks" ADD CONSTRAINT "caseload_ranks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The change marks (0017) now move on every fact the state in force is derived from, not only on
-- what the adherence figures read: a healing or reopening, a signed exam, a questionnaire, the
-- walk/run programme's sign-off and stage changes, and the patient's own details (distance, time
-- zone, name). The live caseload's marker and the caseload ranks above both rest on that.
-- A draft exam changes nothing in force, so only signed rows count.
CREATE FUNCTION "mark_signed_exams"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO patient_change_marks AS m (patient_id, changes)
    SELECT patient_id, count(*) FROM changed_rows WHERE status = 'signed' GROUP BY patient_id ORDER BY patient_id
  ON CONFLICT (patient_id) DO UPDATE SET changes = m.changes + excluded.changes;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "mark_patients_updated"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO patient_change_marks AS m (patient_id, changes)
    SELECT id, 1 FROM changed_rows ORDER BY id
  ON CONFLICT (patient_id) DO UPDATE SET changes = m.changes + excluded.changes;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "episodes_mark_insert" AFTER INSERT ON "episodes" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "episodes_mark_update" AFTER UPDATE ON "episodes" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "episode_events_mark_insert" AFTER INSERT ON "episode_events" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "exams_mark_insert" AFTER INSERT ON "exams" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_signed_exams();--> statement-breakpoint
CREATE TRIGGER "exams_mark_update" AFTER UPDATE ON "exams" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_signed_exams();--> statement-breakpoint
CREATE TRIGGER "questionnaire_responses_mark_insert" AFTER INSERT ON "questionnaire_responses" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "return_to_run_signoffs_mark_insert" AFTER INSERT ON "return_to_run_signoffs" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "walk_run_stage_changes_mark_insert" AFTER INSERT ON "walk_run_stage_changes" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "patients_mark_update" AFTER UPDATE ON "patients" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patients_updated();
