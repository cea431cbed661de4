CREATE TYPE "public"."activity_kind" AS ENUM('item', 'run');--> statement-breakpoint
CREATE TYPE "public"."activity_status" AS ENUM('done', 'skipped');--> statement-breakpoint
CREATE TABLE "activity_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"local_date" date NOT NULL,
	"item_key" text,
	"status" "activity_status",
	"skip_reason" text,
	"minutes" integer,
	"distance_km" real,
	"rpe" integer,
	"pain_during" integer,
	"pain_after" integer,
	"breaches" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_logs_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "activity_logs" ADD CONSTRAINT "activity_logs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_logs_patient_date_idx" ON "activity_logs" USING btree ("patient_id","local_date");