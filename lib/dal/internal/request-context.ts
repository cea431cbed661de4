import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

/** Address and browser of the current request, for the audit trail; empty outside a request. */
export async function requestContext(): Promise<RequestContext> {
  try {
    const h = await headers();
    return { ip: clientAddress(h), userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}
