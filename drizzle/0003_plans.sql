CREATE TYPE "public"."escalation_kind" AS ENUM('imaging', 'epidural_steroid_injection', 'surgical_opinion');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('requested', 'scheduled', 'completed', 'declined', 'cancelled');--> statement-breakpoint
CREATE TABLE "escalation_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" "escalation_kind" NOT NULL,
	"reason" text NOT NULL,
	"status" "referral_status" DEFAULT 'requested' NOT NULL,
	"status_note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid,
	"version" integer NOT NULL,
	"plan" jsonb NOT NULL,
	"changes" text[] DEFAULT '{}'::text[] NOT NULL,
	"template_id" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_patient_version" UNIQUE("patient_id","version")
);
--> statement-breakpoint
CREATE TABLE "therapy_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"sessions_per_week" integer NOT NULL,
	"weeks" integer NOT NULL,
	"goals" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" "referral_status" DEFAULT 'requested' NOT NULL,
	"start_date" date NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapy_referrals_dose" CHECK ("therapy_referrals"."sessions_per_week" between 1 and 7 and "therapy_referrals"."weeks" between 1 and 52)
);
--> statement-breakpoint
ALTER TABLE "escalation_referrals" ADD CONSTRAINT "escalation_referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_referrals" ADD CONSTRAINT "escalation_referrals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_referrals" ADD CONSTRAINT "therapy_referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_referrals" ADD CONSTRAINT "therapy_referrals_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_referrals" ADD CONSTRAINT "therapy_referrals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalation_referrals_patient_idx" ON "escalation_referrals" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_versions_patient_idx" ON "plan_versions" USING btree ("patient_id","version");--> statement-breakpoint
CREATE INDEX "therapy_referrals_patient_idx" ON "therapy_referrals" USING btree ("patient_id","created_at");