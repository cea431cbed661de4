-- Addenda carry their patient like every other patient-owned row, kept equal to the exam's by a
-- composite key. Existing addenda take their exam's patient; the finality trigger is set aside
-- for that one backfill only, inside this migration's transaction.
ALTER TABLE "exams" ADD CONSTRAINT "exams_id_patient" UNIQUE("id","patient_id");--> statement-breakpoint
ALTER TABLE "exam_addenda" ADD COLUMN "patient_id" uuid;--> statement-breakpoint
ALTER TABLE "exam_addenda" DISABLE TRIGGER "exam_addenda_are_final";--> statement-breakpoint
UPDATE "exam_addenda" a SET "patient_id" = e."patient_id" FROM "exams" e WHERE e."id" = a."exam_id";--> statement-breakpoint
ALTER TABLE "exam_addenda" ENABLE TRIGGER "exam_addenda_are_final";--> statement-breakpoint
ALTER TABLE "exam_addenda" ALTER COLUMN "patient_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "exam_addenda" DROP CONSTRAINT "exam_addenda_exam_id_exams_id_fk";--> statement-breakpoint
ALTER TABLE "exam_addenda" ADD CONSTRAINT "exam_addenda_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_addenda" ADD CONSTRAINT "exam_addenda_exam_patient_fk" FOREIGN KEY ("exam_id","patient_id") REFERENCES "public"."exams"("id","patient_id") ON DELETE cascade ON UPDATE no action;
