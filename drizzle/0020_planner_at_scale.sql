CREATE INDEX "activity_logs_programme_runs_idx" ON "activity_logs" USING btree ("patient_id","created_at") WHERE "activity_logs"."kind" = 'run' and "activity_logs"."programme_stage" is not null;--> statement-breakpoint
CREATE INDEX "episode_events_patient_idx" ON "episode_events" USING btree ("patient_id","kind","seq");--> statement-breakpoint
-- Planner settings for the app's short queries (README "Performance at 100,000 patients"), on the
-- app's role so they hold for every connection the app opens, through PgBouncer too:
-- - random_page_cost 1.1: the default (4) prices a spinning disk. A clinic's working set sits in
--   memory or on SSD, where an index probe costs about what a sequential page does; at 4 the
--   planner read all 100,000 patients to find one care team's 400.
-- - jit off: a caseload query estimated (wrongly) as costly spent 150 ms compiling itself to run
--   in 20. JIT pays for long analytical queries, which the app does not run.
-- An owner without the right to alter roles is told, and the migration goes on.
DO $$
BEGIN
  ALTER ROLE "runclear_app" SET random_page_cost = 1.1;
  ALTER ROLE "runclear_app" SET jit = off;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'planner settings were not set on runclear_app: set random_page_cost = 1.1 and jit = off there by hand';
END
$$;
