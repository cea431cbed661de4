import type { Role } from "@/lib/auth/roles";

/**
 * Marks a version a physical therapist saved: a therapist may change only home-exercise doses
 * (DOMAIN.md §8), and the physician should see at a glance that a change came from them.
 */
export function AuthorRole({ role }: { role: Role }) {
  if (role !== "therapist") return null;
  return <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">Dose change by a physical therapist</span>;
}
