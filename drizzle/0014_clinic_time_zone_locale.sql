ALTER TABLE "clinic_settings" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD COLUMN "locale" text DEFAULT 'en-US' NOT NULL;