"use server";

import { z } from "zod";
import type { ChainReport } from "@/db/audit-chain";
import { validatedAction } from "@/lib/actions/validated-action";
import { checkAuditChain } from "@/lib/dal/audit";

/** Verifying writes an audit entry, so it is a POST (a server action), never a GET link. */
export const verifyAuditChainAction = validatedAction(
  z.object({}),
  { roles: ["admin"], action: "audit.verify" },
  async () => ({ ok: true, data: (await checkAuditChain()) satisfies ChainReport }),
);
