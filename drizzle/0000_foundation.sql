CREATE TYPE "public"."care_team_role" AS ENUM('physician', 'therapist');--> statement-breakpoint
CREATE TYPE "public"."episode_status" AS ENUM('awaiting_exam', 'active', 'healed');--> statement-breakpoint
CREATE TYPE "public"."patient_sex" AS ENUM('female', 'male', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('physician', 'therapist', 'patient', 'admin');--> statement-breakpoint
CREATE TABLE "care_team_members" (
	"patient_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "care_team_role" NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_team_members_patient_id_user_id_pk" PRIMARY KEY("patient_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" "episode_status" DEFAULT 'awaiting_exam' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episodes_resolved_when_healed" CHECK (("episodes"."status" = 'healed') = ("episodes"."resolved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mrn" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "patient_sex" NOT NULL,
	"email" text,
	"phone" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"weekly_distance_km" integer DEFAULT 0 NOT NULL,
	"running_goal" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_mrn_unique" UNIQUE("mrn"),
	CONSTRAINT "patients_weekly_distance_range" CHECK ("patients"."weekly_distance_km" between 0 and 500)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"sessions_valid_after" timestamp with time zone DEFAULT now() NOT NULL,
	"patient_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_patientId_unique" UNIQUE("patient_id"),
	CONSTRAINT "users_patient_link" CHECK (("users"."role" = 'patient') = ("users"."patient_id" is not null)),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_team_user_idx" ON "care_team_members" USING btree ("user_id","patient_id");--> statement-breakpoint
CREATE INDEX "episodes_patient_idx" ON "episodes" USING btree ("patient_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_one_open_per_patient" ON "episodes" USING btree ("patient_id") WHERE "episodes"."status" <> 'healed';--> statement-breakpoint
CREATE INDEX "patients_family_name_idx" ON "patients" USING btree (lower("family_name"),lower("given_name"));--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");