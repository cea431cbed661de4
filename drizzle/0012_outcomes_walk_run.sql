CREATE TYPE "public"."questionnaire_kind" AS ENUM('odi', 'start_back');--> statement-breakpoint
CREATE TABLE "patient_outcomes" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"episode_id" uuid,
	"episode_started_on" date,
	"episode_status" text,
	"root_cause" text,
	"programme_stage" integer,
	"continuous_on" date,
	"baseline_odi" real,
	"latest_odi" real,
	"baseline_pain" integer,
	"latest_pain" integer,
	"adherence_percent" real,
	"not_improving_at_week6" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_drafts" (
	"patient_id" uuid NOT NULL,
	"kind" "questionnaire_kind" NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_drafts_patient_id_kind_pk" PRIMARY KEY("patient_id","kind")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" "questionnaire_kind" NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid,
	"kind" "questionnaire_kind" NOT NULL,
	"answers" jsonb NOT NULL,
	"score" real,
	"subscore" integer,
	"local_date" date NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_responses_idempotencyKey_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "questionnaire_responses_score_range" CHECK ("questionnaire_responses"."score" is null or "questionnaire_responses"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "return_to_run_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"criteria" text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"signed_by_id" uuid NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigint DEFAULT nextval('clinical_event_seq') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "walk_run_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"stage" integer NOT NULL,
	"reason" text NOT NULL,
	"set_by_id" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigint DEFAULT nextval('clinical_event_seq') NOT NULL,
	CONSTRAINT "walk_run_stage_changes_stage_range" CHECK ("walk_run_stage_changes"."stage" between 1 and 8)
);
--> statement-breakpoint
ALTER TABLE "activity_logs" ADD COLUMN "programme_stage" integer;--> statement-breakpoint
ALTER TABLE "episode_events" ADD COLUMN "weekly_km_at_healing" real;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "clinical_lead" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_outcomes" ADD CONSTRAINT "patient_outcomes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_outcomes" ADD CONSTRAINT "patient_outcomes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_drafts" ADD CONSTRAINT "questionnaire_drafts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_requests" ADD CONSTRAINT "questionnaire_requests_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_requests" ADD CONSTRAINT "questionnaire_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_run_signoffs" ADD CONSTRAINT "return_to_run_signoffs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_run_signoffs" ADD CONSTRAINT "return_to_run_signoffs_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_run_signoffs" ADD CONSTRAINT "return_to_run_signoffs_signed_by_id_users_id_fk" FOREIGN KEY ("signed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_run_stage_changes" ADD CONSTRAINT "walk_run_stage_changes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_run_stage_changes" ADD CONSTRAINT "walk_run_stage_changes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_run_stage_changes" ADD CONSTRAINT "walk_run_stage_changes_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questionnaire_requests_patient_idx" ON "questionnaire_requests" USING btree ("patient_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_patient_idx" ON "questionnaire_responses" USING btree ("patient_id","kind","completed_at");--> statement-breakpoint
CREATE INDEX "return_to_run_signoffs_patient_idx" ON "return_to_run_signoffs" USING btree ("patient_id","seq");--> statement-breakpoint
CREATE INDEX "walk_run_stage_changes_patient_idx" ON "walk_run_stage_changes" USING btree ("patient_id","seq");