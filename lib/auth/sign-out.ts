/**
 * Signs out as next-auth's `signOut` does (its CSRF token, then a POST to /api/auth/signout), and
 * goes to the sign-in page. Written out because next-auth/react is about 12 kB gzipped on every
 * signed-in page for this one call; nothing here uses its session provider, which signOut also tells.
 */
export async function signOutTo(callbackUrl: string): Promise<void> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
    });
    if (!response.ok) throw new Error(`sign-out answered ${response.status}`);
    const { url } = (await response.json()) as { url?: string };
    window.location.href = url ?? callbackUrl;
  } catch {
    // On a shared clinic computer a sign-out must never quietly fail: next-auth's own sign-out
    // page asks to confirm and signs out without script. A full load, so no state of this tab survives.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.href = "/api/auth/signout";
  }
}
