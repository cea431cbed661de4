/**
 * `npm run size`: the JavaScript each page needs before it can run (first-load JS), gzipped, read
 * from the production build in `.next` (run `next build` first). Next 16 with Turbopack prints no
 * sizes, so they are computed from its manifests: the runtime every page loads (build-manifest's
 * `rootMainFiles`) and every client chunk the route's layouts, boundaries and page name
 * (`page_client-reference-manifest.js`, `entryJSFiles`). Chunks a page loads later (next/dynamic,
 * lazy imports) are not counted: they do not hold up the first screen. Polyfills are left out:
 * they load only in browsers without ES modules.
 *
 * Fails (exit 1) when a route is over its budget. `--markdown` prints the table for the README.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const NEXT = path.resolve(process.argv.find((a) => a.startsWith("--dir="))?.slice(6) ?? ".next");

/** Budgets in kB gzipped. The patient's home is what a runner opens on a phone, often on mobile data. */
export const BUDGETS_KB: Record<string, number> = { "/me": 150 };

interface RouteWeight {
  route: string;
  kb: number;
  chunks: number;
  recharts: boolean;
}

const gzipped = new Map<string, { bytes: number; recharts: boolean }>();
function chunk(file: string): { bytes: number; recharts: boolean } {
  let known = gzipped.get(file);
  if (!known) {
    const source = fs.readFileSync(path.join(NEXT, file));
    // recharts names its SVG classes "recharts-…"; nothing else in the app does.
    known = { bytes: gzipSync(source).length, recharts: source.includes("recharts-") };
    gzipped.set(file, known);
  }
  return known;
}

function manifestsUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifestsUnder(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/** "/(portal)/me/(home)/page" → "/me": route groups are not in the address. */
function routeOf(key: string): string {
  const parts = key.split("/").filter((p) => p && p !== "page" && !(p.startsWith("(") && p.endsWith(")")));
  return `/${parts.join("/")}`;
}

export function measure(): RouteWeight[] {
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const weights: RouteWeight[] = [];
  for (const file of manifestsUnder(path.join(NEXT, "server", "app"))) {
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it against a stand-in.
    new Function("globalThis", fs.readFileSync(file, "utf8"))(sandbox);
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (key.startsWith("/_") || key.startsWith("/api/")) continue;
      const own = Object.values(manifest.entryJSFiles ?? {}).flat();
      // A manifest without the page's own entry would count the runtime alone and pass any budget.
      if (!own.length) throw new Error(`${file}: no entryJSFiles for ${key}; this build's manifests are not what the size check reads`);
      const files = new Set([...build.rootMainFiles, ...own].filter((f) => f.endsWith(".js")));
      const sizes = [...files].map(chunk);
      weights.push({
        route: routeOf(key),
        kb: sizes.reduce((sum, s) => sum + s.bytes, 0) / 1000,
        chunks: files.size,
        recharts: sizes.some((s) => s.recharts),
      });
    }
  }
  return weights.sort((a, b) => a.route.localeCompare(b.route));
}

function main(): void {
  if (!fs.existsSync(path.join(NEXT, "build-manifest.json"))) {
    console.error(`No production build in ${NEXT}: run \`npx next build\` first.`);
    process.exit(2);
  }
  const weights = measure();
  const over = weights.filter((w) => BUDGETS_KB[w.route] !== undefined && w.kb > BUDGETS_KB[w.route]!);
  const budget = (w: RouteWeight) => (BUDGETS_KB[w.route] === undefined ? "" : `${BUDGETS_KB[w.route]} kB`);
  if (process.argv.includes("--markdown")) {
    console.log("| Route | First-load JS (gzip) | Chunks | recharts | Budget |");
    console.log("| --- | ---: | ---: | :---: | ---: |");
    for (const w of weights) console.log(`| \`${w.route}\` | ${w.kb.toFixed(1)} kB | ${w.chunks} | ${w.recharts ? "yes" : ""} | ${budget(w)} |`);
  } else {
    const width = Math.max(...weights.map((w) => w.route.length));
    console.log(`${"Route".padEnd(width)}  First-load JS (gzip)  Chunks  recharts  Budget`);
    for (const w of weights) {
      console.log(`${w.route.padEnd(width)}  ${`${w.kb.toFixed(1)} kB`.padStart(20)}  ${String(w.chunks).padStart(6)}  ${(w.recharts ? "yes" : "").padEnd(8)}  ${budget(w)}`);
    }
  }
  const missing = Object.keys(BUDGETS_KB).filter((route) => !weights.some((w) => w.route === route));
  for (const route of missing) console.error(`No page ${route} in the build: its budget cannot be checked.`);
  for (const w of over) console.error(`${w.route} loads ${w.kb.toFixed(1)} kB of JavaScript (gzip), over its ${BUDGETS_KB[w.route]} kB budget.`);
  if (over.length || missing.length) process.exit(1);
}

main();
