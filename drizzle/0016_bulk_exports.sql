CREATE TYPE "public"."bulk_export_status" AS ENUM('in_progress', 'complete', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "bulk_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"status" "bulk_export_status" DEFAULT 'in_progress' NOT NULL,
	"types" text[] NOT NULL,
	"since" timestamp with time zone,
	"request" text NOT NULL,
	"patients_total" integer DEFAULT 0 NOT NULL,
	"patients_done" integer DEFAULT 0 NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"transaction_time" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bulk_exports" ADD CONSTRAINT "bulk_exports_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_exports_requested_by_idx" ON "bulk_exports" USING btree ("requested_by_id","transaction_time");