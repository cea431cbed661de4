-- The pain trend now reads fixed windows (lib/domain/caseload.ts: the latest pain of the last 28
-- days, the 7-day change against the 7 days before). A kept rank is trusted while the patient's
-- change mark, local date and the clinic's grace still match, and none of those moves when a rule
-- changes: without this, ranks made under the old rule would order the caseload until each
-- patient's next change or midnight. The ranks are derived state; the next view derives them again.
DELETE FROM "caseload_ranks";
