import type { IncomingMessage } from "node:http";

export function compileTrustedProxies(value: string | undefined): (address: string, hop: number) => boolean;
export function normalizeForwardedHeaders(
  req: Pick<IncomingMessage, "headers"> & { socket: { remoteAddress?: string; encrypted?: boolean } },
  trust: (address: string, hop: number) => boolean,
): void;
