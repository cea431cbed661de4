import type { ChainProblem } from "@/db/audit-chain";

const WORDING: Record<ChainProblem, string> = {
  row_changed: "it was changed after it was written",
  link_broken: "it does not follow the entry before it (an entry was removed or inserted)",
  row_removed: "the checkpoint there counted more entries than remain before it (an entry was deleted)",
  row_inserted: "the checkpoint there counted fewer entries than there are before it (an entry was inserted)",
  tail_removed: "the entries up to this checkpoint's last one are gone (the end of the trail was deleted)",
  truncated: "the trail is empty, but checkpoints were signed over it (it was truncated)",
  rechained: "the entries up to it are not the ones the checkpoint signed (an entry was edited and the hashes after it recomputed)",
  checkpoint_forged: "the checkpoint there is not signed with the audit key (it was written or changed outside RunClear)",
};

/** What a broken audit trail means, for the admin page and `npm run audit:verify`. */
export function describeChainProblem(problem: ChainProblem): string {
  return WORDING[problem];
}
