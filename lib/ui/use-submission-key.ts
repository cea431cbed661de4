import { useState } from "react";

/**
 * A key that changes with every answer from the server. React 19 resets an uncontrolled form
 * after its action; re-mounting it instead makes every field (and any state mirroring a field,
 * such as a live preview) start again from the same defaults: the typed values after a refusal,
 * the saved record after a success. Every answer is a new object, so identity tells them apart.
 */
export function useSubmissionKey(state: unknown): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setKey(key + 1);
  }
  return key;
}
