CREATE TABLE "audit_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"row_count" bigint NOT NULL,
	"mac" text NOT NULL
);
--> statement-breakpoint
-- Checkpoints are append-only, like the trail they seal.
CREATE TRIGGER "audit_checkpoints_no_update" BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
-- No global lock any more: each row hashes only its own fields, and writers hold a SHARED lock,
-- which never waits for another writer. The sealer (db/audit-chain.ts) takes the same key
-- exclusively, for an instant, to wait out the writers that may still hold a number it is about
-- to seal; since the lock is taken before the number, every later writer gets a higher one.
-- `prev_hash` stays empty from here on: the chain is the checkpoints' running digest.
CREATE OR REPLACE FUNCTION "audit_events_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7446412);
  NEW.seq := nextval('audit_events_seq');
  NEW.occurred_at := date_trunc('microseconds', clock_timestamp());
  NEW.prev_hash := '';
  NEW.hash := encode(sha256(convert_to(audit_event_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;--> statement-breakpoint
-- The app's role (README "Database roles"): everything the app does, but on the audit trail and
-- its checkpoints only SELECT and INSERT. Not the owner, so it cannot alter the tables or switch
-- their triggers off. Roles belong to the whole server: created once, granted in every database.
-- On PGlite the app is the only user, so the role exists but nothing connects as it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'runclear_app') THEN
    CREATE ROLE "runclear_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database's migration created it at the same moment
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA "public" TO "runclear_app";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "runclear_app";--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "public" TO "runclear_app";--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_events", "audit_checkpoints" FROM "runclear_app";--> statement-breakpoint
-- setval on the trail's numbers could only make inserts collide; the app has no reason to.
REVOKE UPDATE ON SEQUENCE "audit_events_seq", "audit_checkpoints_id_seq" FROM "runclear_app";--> statement-breakpoint
-- Tables added by later migrations (run by the same owner) are the app's to use as well; a later
-- migration that adds an append-only table revokes as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "runclear_app";--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "runclear_app";
