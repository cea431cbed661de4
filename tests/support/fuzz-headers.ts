/**
 * next/headers for route handlers called directly by the fuzzer: the headers and cookies of the
 * Request it built (set with `setRequestHeaders`). No imports, so a vi.mock factory can load it.
 */
const scope = globalThis as unknown as { fuzzRequestHeaders?: Headers };

export function setRequestHeaders(headers: Headers): void {
  scope.fuzzRequestHeaders = headers;
}

export async function headers(): Promise<Headers> {
  return scope.fuzzRequestHeaders ?? new Headers();
}

export async function cookies() {
  const jar: Record<string, string> = {};
  for (const part of (scope.fuzzRequestHeaders?.get("cookie") ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return {
    get: (name: string) => (name in jar ? { name, value: jar[name]! } : undefined),
    getAll: () => Object.entries(jar).map(([name, value]) => ({ name, value })),
    has: (name: string) => name in jar,
  };
}
