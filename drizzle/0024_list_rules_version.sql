-- The rules' version (lib/domain/caseload.ts LIST_RULES_VERSION) keys the kept list results, so a
-- release that changes how the figures, flags or need score come out derives them again instead
-- of leaving the lists on the old rule until each patient's next change. Summaries kept before
-- the version are a cache and are dropped; ranks kept before it get 0 and are made again.
DELETE FROM "adherence_summaries";--> statement-breakpoint
ALTER TABLE "adherence_summaries" ADD COLUMN "rules" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "caseload_ranks" ADD COLUMN "rules" integer DEFAULT 0 NOT NULL;
