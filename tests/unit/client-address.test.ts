import { describe, expect, it } from "vitest";
import { compileTrustedProxies, normalizeForwardedHeaders } from "@/lib/server/forwarded.mjs";

type Headers = Record<string, string | string[] | undefined>;

/** What the production server hands Next.js for a request from `socket` with `headers`. */
function normalized(socket: string, headers: Headers, trusted?: string, encrypted = false): Headers {
  const req = { headers: { ...headers }, socket: { remoteAddress: socket, encrypted } };
  normalizeForwardedHeaders(req, compileTrustedProxies(trusted));
  return req.headers;
}

describe("the client address without trusted proxies", () => {
  it.each([
    ["a forged X-Forwarded-For", { "x-forwarded-for": "6.6.6.6" }],
    ["a forged chain", { "x-forwarded-for": "6.6.6.6, 7.7.7.7" }],
    ["a forged X-Real-IP and Forwarded", { "x-real-ip": "6.6.6.6", forwarded: "for=6.6.6.6" }],
    ["no header at all", {}],
  ])("is the socket address whatever the client writes: %s", (_label, headers) => {
    const out = normalized("203.0.113.9", headers);
    expect(out["x-forwarded-for"]).toBe("203.0.113.9");
    expect(out["x-real-ip"]).toBeUndefined();
    expect(out.forwarded).toBeUndefined();
  });

  it("also from loopback, unless loopback is listed", () => {
    expect(normalized("::ffff:127.0.0.1", { "x-forwarded-for": "6.6.6.6" })["x-forwarded-for"]).toBe("127.0.0.1");
    expect(normalized("::1", { "x-forwarded-for": "6.6.6.6" })["x-forwarded-for"]).toBe("::1");
  });

  it("keeps no forged protocol or host", () => {
    const out = normalized("203.0.113.9", { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-port": "443" });
    expect(out["x-forwarded-proto"]).toBe("http");
    expect(out["x-forwarded-host"]).toBeUndefined();
    expect(out["x-forwarded-port"]).toBeUndefined();
    expect(normalized("203.0.113.9", {}, undefined, true)["x-forwarded-proto"]).toBe("https");
  });

  it.each([undefined, "", "0", " "])("trusts nobody when RUNCLEAR_TRUSTED_PROXIES is %j", (value) => {
    expect(normalized("10.0.0.5", { "x-forwarded-for": "6.6.6.6" }, value)["x-forwarded-for"]).toBe("10.0.0.5");
  });
});

describe("the client address behind trusted proxies", () => {
  const TRUSTED = "127.0.0.1,10.0.0.0/8";

  it("is the right-most hop that is not a trusted proxy", () => {
    // The client forged 6.6.6.6; the outer proxy (10.1.1.1) appended the real client 198.51.100.4.
    const out = normalized("::ffff:127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.1.1.1" }, TRUSTED);
    expect(out["x-forwarded-for"]).toBe("198.51.100.4");
  });

  it("ignores the header when the socket peer itself is not trusted", () => {
    expect(normalized("198.51.100.7", { "x-forwarded-for": "6.6.6.6, 10.1.1.1" }, TRUSTED)["x-forwarded-for"]).toBe("198.51.100.7");
  });

  it("is the left-most entry when every hop is trusted", () => {
    expect(normalized("127.0.0.1", { "x-forwarded-for": "10.2.2.2, 10.1.1.1" }, TRUSTED)["x-forwarded-for"]).toBe("10.2.2.2");
  });

  it("rotating forged entries in front of the real client change nothing", () => {
    const seen = new Set<unknown>();
    for (let i = 0; i < 40; i++) {
      seen.add(normalized("127.0.0.1", { "x-forwarded-for": `6.6.${i}.${i}, 198.51.100.4` }, TRUSTED)["x-forwarded-for"]);
    }
    expect([...seen]).toEqual(["198.51.100.4"]);
  });

  it("keeps the protocol and host only from a trusted peer", () => {
    const fromProxy = normalized("127.0.0.1", { "x-forwarded-proto": "https", "x-forwarded-host": "clinic.example" }, TRUSTED);
    expect(fromProxy["x-forwarded-proto"]).toBe("https");
    expect(fromProxy["x-forwarded-host"]).toBe("clinic.example");
    const fromClient = normalized("198.51.100.7", { "x-forwarded-proto": "https", "x-forwarded-host": "clinic.example" }, TRUSTED);
    expect(fromClient["x-forwarded-proto"]).toBe("http");
    expect(fromClient["x-forwarded-host"]).toBeUndefined();
  });

  it("accepts IPv6 ranges", () => {
    expect(normalized("fd00::2", { "x-forwarded-for": "2001:db8::7" }, "fd00::/8")["x-forwarded-for"]).toBe("2001:db8::7");
  });
});

describe("RUNCLEAR_TRUSTED_PROXIES", () => {
  it("refuses a hop count (its old meaning) and anything that is not an address", () => {
    expect(() => compileTrustedProxies("1")).toThrow(/not a count/);
    expect(() => compileTrustedProxies("proxy.internal")).toThrow(/not a list of addresses/);
    expect(() => compileTrustedProxies("10.0.0.0/33")).toThrow(/not a list of addresses/);
  });
});
