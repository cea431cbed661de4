/** The benchmark's results: a JSON file for later comparison and a Markdown table for the README. */
import fs from "node:fs";
import path from "node:path";
import type { Measurement } from "./measure";

export interface Row extends Measurement {
  /** Requests per second as a share of the ceiling's (the mean of its two measurements). */
  shareOfCeiling: number;
}

export interface Report {
  driver: "pglite" | "postgres";
  date: string;
  commit: string;
  node: string;
  machine: { cpus: number; model: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  connections: number;
  durationSeconds: number;
  writes: string[];
  ceilingRequestsPerSecond: number;
  rows: Row[];
}

export function withShares(measurements: Measurement[], ceilingRps: number): Row[] {
  return measurements.map((m) => ({ ...m, shareOfCeiling: ceilingRps ? Math.round((m.requestsPerSecond / ceilingRps) * 1000) / 10 : 0 }));
}

export function markdownTable(report: Report): string {
  const lines = [
    `| target | as | requests/s | share of ceiling | p50 ms | p95 ms | p99 ms | server CPU ms per answer | KiB per answer | requests | non-2xx |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...report.rows.map(
      (r) =>
        `| ${r.name} | ${r.as} | ${r.requestsPerSecond} | ${r.shareOfCeiling} % | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.serverCpuMsPerAnswer ?? "–"} | ${r.responseKiB} | ${r.requests} | ${r.non2xx} |`,
    ),
  ];
  return lines.join("\n");
}

export function writeReport(report: Report, out: string | undefined): string {
  const file = out ?? path.join("tests/bench/results", `${report.driver}-${report.date.slice(0, 10)}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
