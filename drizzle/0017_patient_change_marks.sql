CREATE TABLE "patient_change_marks" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL,
	"last_log_date" date
);
--> statement-breakpoint
ALTER TABLE "patient_change_marks" ADD CONSTRAINT "patient_change_marks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Kept by the database, whoever writes: one statement-level trigger per table and event reads the
-- statement's rows from its transition table and moves each touched patient's counter once.
-- The functions run as their owner, since the application role may only read the marks.
CREATE FUNCTION "mark_patient_changes"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO patient_change_marks AS m (patient_id, changes)
    SELECT patient_id, count(*) FROM changed_rows GROUP BY patient_id ORDER BY patient_id
  ON CONFLICT (patient_id) DO UPDATE SET changes = m.changes + excluded.changes;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Logs also keep each touched patient's newest log date: one backward step of the
-- (patient_id, local_date) index per patient, so a delete or a corrected date is right too.
CREATE FUNCTION "mark_patient_logs"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO patient_change_marks AS m (patient_id, changes, last_log_date)
    SELECT c.patient_id, c.n, (SELECT max(l.local_date) FROM activity_logs l WHERE l.patient_id = c.patient_id)
    FROM (SELECT patient_id, count(*) AS n FROM changed_rows GROUP BY patient_id) c
    WHERE EXISTS (SELECT 1 FROM patients p WHERE p.id = c.patient_id)
    ORDER BY c.patient_id
  ON CONFLICT (patient_id) DO UPDATE SET changes = m.changes + excluded.changes, last_log_date = excluded.last_log_date;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "mark_all_patients_changed"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_TABLE_NAME = 'activity_logs' THEN
    UPDATE patient_change_marks SET changes = changes + 1, last_log_date = NULL;
  ELSE
    UPDATE patient_change_marks SET changes = changes + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "activity_logs_mark_insert" AFTER INSERT ON "activity_logs" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_logs();--> statement-breakpoint
CREATE TRIGGER "activity_logs_mark_update" AFTER UPDATE ON "activity_logs" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_logs();--> statement-breakpoint
CREATE TRIGGER "activity_logs_mark_delete" AFTER DELETE ON "activity_logs" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_logs();--> statement-breakpoint
CREATE TRIGGER "activity_logs_mark_truncate" AFTER TRUNCATE ON "activity_logs" FOR EACH STATEMENT EXECUTE FUNCTION mark_all_patients_changed();--> statement-breakpoint
CREATE TRIGGER "check_ins_mark_insert" AFTER INSERT ON "check_ins" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "check_ins_mark_update" AFTER UPDATE ON "check_ins" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "check_ins_mark_truncate" AFTER TRUNCATE ON "check_ins" FOR EACH STATEMENT EXECUTE FUNCTION mark_all_patients_changed();--> statement-breakpoint
CREATE TRIGGER "plan_versions_mark_insert" AFTER INSERT ON "plan_versions" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "clearances_mark_insert" AFTER INSERT ON "clearances" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "clearances_mark_update" AFTER UPDATE ON "clearances" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "red_flag_alerts_mark_insert" AFTER INSERT ON "red_flag_alerts" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
CREATE TRIGGER "red_flag_alerts_mark_update" AFTER UPDATE ON "red_flag_alerts" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_patient_changes();--> statement-breakpoint
-- Deleting a patient cascades to their rows; the marks row goes with the patient (its own
-- cascade), and the log trigger above skips a patient that no longer exists.
INSERT INTO "patient_change_marks" ("patient_id", "changes", "last_log_date")
  SELECT p.id, 0, (SELECT max(l.local_date) FROM activity_logs l WHERE l.patient_id = p.id) FROM patients p;--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "patient_change_marks" FROM "runclear_app";
