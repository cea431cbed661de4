/** A JSON read for a query in the browser; anything else (a sign-in page after a lapsed session) fails. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  // A signed-out browser is redirected to the sign-in page, which is not JSON.
  if (!response.ok || !response.headers.get("content-type")?.includes("application/json")) throw new Error(`Could not load ${url}`);
  return response.json() as Promise<T>;
}
