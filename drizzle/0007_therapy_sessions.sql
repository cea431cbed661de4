CREATE TYPE "public"."therapy_attendance" AS ENUM('attended', 'no_show');--> statement-breakpoint
CREATE TABLE "therapy_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"session_date" date NOT NULL,
	"attendance" "therapy_attendance" NOT NULL,
	"exercises_in_clinic" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapy_sessions_idempotencyKey_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "therapy_sessions_no_show_empty" CHECK ("therapy_sessions"."attendance" = 'attended' or "therapy_sessions"."exercises_in_clinic" = '')
);
--> statement-breakpoint
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "therapy_sessions_patient_date_idx" ON "therapy_sessions" USING btree ("patient_id","session_date");