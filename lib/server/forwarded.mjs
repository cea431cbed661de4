// The forwarding headers as the app may believe them. Used by the production server
// (lib/server/start.mjs) before Next.js sees a request: `next start` only fills
// X-Forwarded-For when it is absent, so a client could otherwise write its own address.
import proxyaddr from "proxy-addr";

/**
 * RUNCLEAR_TRUSTED_PROXIES: a comma-separated list of the reverse proxies' addresses or CIDR
 * ranges (e.g. `127.0.0.1,10.0.0.0/8`). Unset, empty or `0` trusts none: the socket address is
 * the client. Throws on anything else that is not an address, so a typo cannot trust everyone.
 * @param {string | undefined} value
 * @returns {(address: string, hop: number) => boolean}
 */
export function compileTrustedProxies(value) {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s && s !== "0");
  for (const entry of entries) {
    if (/^\d+$/.test(entry)) {
      throw new Error(`RUNCLEAR_TRUSTED_PROXIES must list proxy addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8), not a count ("${entry}").`);
    }
  }
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`RUNCLEAR_TRUSTED_PROXIES is not a list of addresses or CIDR ranges: ${error instanceof Error ? error.message : error}`);
  }
}

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * Rewrites the request's forwarding headers from the socket: X-Forwarded-For becomes the one
 * client address (the right-most hop that is not a trusted proxy, or the socket address when
 * none is trusted); X-Forwarded-Proto and -Host are kept only when the socket peer is a trusted
 * proxy. Everything else a client wrote is dropped.
 * @param {{ headers: Record<string, string | string[] | undefined>, socket: { remoteAddress?: string, encrypted?: boolean } }} req
 * @param {(address: string, hop: number) => boolean} trust
 */
export function normalizeForwardedHeaders(req, trust) {
  const socketAddress = req.socket.remoteAddress ?? "";
  const peerTrusted = socketAddress !== "" && trust(socketAddress, 0);
  const client = socketAddress === "" ? "" : proxyaddr(/** @type {any} */ (req), trust);
  const proto = firstValue(req.headers["x-forwarded-proto"]);
  const host = firstValue(req.headers["x-forwarded-host"]);
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  if (client) req.headers["x-forwarded-for"] = unmapIPv4(client);
  req.headers["x-forwarded-proto"] = peerTrusted && (proto === "https" || proto === "http") ? proto : req.socket.encrypted ? "https" : "http";
  if (peerTrusted && host) req.headers["x-forwarded-host"] = host;
}

/** @param {string | string[] | undefined} value */
function firstValue(value) {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(",")[0]?.trim().toLowerCase() || undefined;
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) as `127.0.0.1`. */
function unmapIPv4(address) {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
