-- Each patient's adherence figures as a list last derived them (db/schema/adherence-summaries.ts):
-- a cache keyed by the patient's change mark, local date and review grace, so the worklist and the
-- caseload read one row per shown patient instead of five weeks of logs. The application role
-- reads and writes it under the default privileges of 0011.
CREATE TABLE "adherence_summaries" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"changes" bigint NOT NULL,
	"grace_days" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adherence_summaries" ADD CONSTRAINT "adherence_summaries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;