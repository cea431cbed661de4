/**
 * One target under load: autocannon with N connections for a fixed time. Latency percentiles
 * come from every response's time as autocannon reports it (its `response` event, the value its
 * own histogram records), since its result has p97.5 but no p95.
 */
import autocannon from "autocannon";

export interface Target {
  name: string;
  /** Who asks: physician, therapist, patient, or nobody for the ceiling. */
  as: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** A fresh value per request, e.g. a new idempotency key in the body. */
  setupBody?: (body: string) => string;
  /** What a right answer contains: an answer that fails this counts as a mismatch. */
  verify: (body: string) => boolean;
}

export interface Measurement {
  name: string;
  as: string;
  method: string;
  path: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Mean response size in KiB. */
  responseKiB: number;
  /** The app server's CPU time over the run divided by the answers, in ms (null without /proc). */
  serverCpuMsPerAnswer: number | null;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  mismatches: number;
  /** The first answer that was not a 2xx or failed the check, cut short, for the error message. */
  firstBad: string | null;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  // Nearest rank, as an HDR histogram reports it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function measure(
  base: string,
  target: Target,
  { connections, duration, serverCpu }: { connections: number; duration: number; serverCpu?: () => number | null },
): Promise<Measurement> {
  const latencies: number[] = [];
  const cpuBefore = serverCpu?.() ?? null;
  let bytes = 0;
  let firstBad: string | null = null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        timeout: 30,
        verifyBody: (body) => target.verify(String(body ?? "")),
        requests: [
          {
            method: target.method,
            path: target.path,
            headers: target.headers,
            body: target.body,
            ...(target.setupBody ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: target.setupBody!(String(request.body)) }) } : {}),
            onResponse: (status, body) => {
              if (firstBad === null && (status < 200 || status > 299 || !target.verify(body))) firstBad = `${status}: ${body.slice(0, 600)}`;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
  const cpuAfter = serverCpu?.() ?? null;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  const requests = result.requests.total;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  return {
    name: target.name,
    as: target.as,
    method: target.method,
    path: target.path,
    requests,
    seconds: result.duration,
    requestsPerSecond: round(requests / result.duration),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
    responseKiB: latencies.length ? round(bytes / latencies.length / 1024) : 0,
    serverCpuMsPerAnswer: cpuBefore !== null && cpuAfter !== null && latencies.length ? round((cpuAfter - cpuBefore) / latencies.length) : null,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    firstBad,
  };
}
