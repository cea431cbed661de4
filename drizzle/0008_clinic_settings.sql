CREATE TABLE "clinic_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"emergency_number" text DEFAULT '911' NOT NULL,
	"urgent_line_name" text DEFAULT 'your care team' NOT NULL,
	"urgent_line_number" text DEFAULT '' NOT NULL,
	"review_grace_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "clinic_settings_one_row" CHECK ("clinic_settings"."id" = 1),
	CONSTRAINT "clinic_settings_grace" CHECK ("clinic_settings"."review_grace_days" between 0 and 30)
);
--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;