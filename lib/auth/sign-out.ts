/**
 * Signs out as next-auth's `signOut` does (its CSRF token, then a POST to /api/auth/signout), and
 * goes to the sign-in page. Written out because next-auth/react is about 12 kB gzipped on every
 * signed-in page for this one call; nothing here uses its session provider, which signOut also tells.
 */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await response.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}
