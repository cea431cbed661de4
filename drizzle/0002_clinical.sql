CREATE TYPE "public"."clearance_level" AS ENUM('not_cleared', 'restricted', 'full');--> statement-breakpoint
CREATE TYPE "public"."exam_status" AS ENUM('draft', 'signed');--> statement-breakpoint
CREATE TYPE "public"."red_flag_source" AS ENUM('exam', 'check_in');--> statement-breakpoint
CREATE SEQUENCE "public"."patient_mrn_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 200001 CACHE 1;--> statement-breakpoint
CREATE TABLE "clearances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid,
	"version" integer NOT NULL,
	"level" "clearance_level" NOT NULL,
	"restrictions" jsonb,
	"review_date" date,
	"override_reason" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"signed_by_id" uuid NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clearances_patient_version" UNIQUE("patient_id","version")
);
--> statement-breakpoint
CREATE TABLE "diagnoses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"icd10_code" text,
	"side" text NOT NULL,
	"level" text,
	"confirmation" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exam_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"status" "exam_status" DEFAULT 'draft' NOT NULL,
	"findings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"author_id" uuid NOT NULL,
	"pain_now" integer,
	"has_motor_deficit" boolean,
	"red_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"suggested_level" text,
	"signed_by_id" uuid,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exams_signed_complete" CHECK (("exams"."status" = 'signed') = ("exams"."signed_at" is not null and "exams"."signed_by_id" is not null and "exams"."pain_now" is not null))
);
--> statement-breakpoint
CREATE TABLE "red_flag_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"source" "red_flag_source" NOT NULL,
	"exam_id" uuid,
	"flags" text[] NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raised_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"resolution" text
);
--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearances" ADD CONSTRAINT "clearances_signed_by_id_users_id_fk" FOREIGN KEY ("signed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_addenda" ADD CONSTRAINT "exam_addenda_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_addenda" ADD CONSTRAINT "exam_addenda_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exams" ADD CONSTRAINT "exams_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exams" ADD CONSTRAINT "exams_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exams" ADD CONSTRAINT "exams_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exams" ADD CONSTRAINT "exams_signed_by_id_users_id_fk" FOREIGN KEY ("signed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD CONSTRAINT "red_flag_alerts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD CONSTRAINT "red_flag_alerts_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD CONSTRAINT "red_flag_alerts_raised_by_id_users_id_fk" FOREIGN KEY ("raised_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD CONSTRAINT "red_flag_alerts_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clearances_patient_idx" ON "clearances" USING btree ("patient_id","version");--> statement-breakpoint
CREATE INDEX "diagnoses_patient_idx" ON "diagnoses" USING btree ("patient_id","recorded_at");--> statement-breakpoint
CREATE INDEX "exam_addenda_exam_idx" ON "exam_addenda" USING btree ("exam_id","signed_at");--> statement-breakpoint
CREATE INDEX "exams_patient_idx" ON "exams" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "exams_patient_signed_idx" ON "exams" USING btree ("patient_id","signed_at") WHERE "exams"."status" = 'signed';--> statement-breakpoint
CREATE INDEX "red_flag_alerts_open_idx" ON "red_flag_alerts" USING btree ("patient_id") WHERE "red_flag_alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "red_flag_alerts_patient_idx" ON "red_flag_alerts" USING btree ("patient_id","raised_at");--> statement-breakpoint
-- A signed exam is part of the record: it never changes and is never deleted; corrections are addenda.
CREATE FUNCTION "exams_signed_are_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'a signed exam cannot be changed; add a signed addendum instead' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "exams_signed_are_final" BEFORE UPDATE OR DELETE ON "exams" FOR EACH ROW EXECUTE FUNCTION "exams_signed_are_final"();--> statement-breakpoint
CREATE FUNCTION "exam_addenda_are_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a signed addendum cannot be changed' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "exam_addenda_are_final" BEFORE UPDATE OR DELETE ON "exam_addenda" FOR EACH ROW EXECUTE FUNCTION "exam_addenda_are_final"();
