CREATE TABLE "bulk_export_chunks" (
	"export_id" uuid NOT NULL,
	"type" text NOT NULL,
	"seq" integer NOT NULL,
	"ndjson" text NOT NULL,
	CONSTRAINT "bulk_export_chunks_export_id_type_seq_pk" PRIMARY KEY("export_id","type","seq")
);
--> statement-breakpoint
ALTER TABLE "bulk_export_chunks" ADD CONSTRAINT "bulk_export_chunks_export_id_bulk_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."bulk_exports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The app writes the chunks while an export runs and deletes them with the job (README "Database
-- roles"); the default privileges of 0011 cover this already when the same owner migrates.
GRANT SELECT, INSERT, UPDATE, DELETE ON "bulk_export_chunks" TO "runclear_app";
