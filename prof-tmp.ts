import { spawn } from "node:child_process";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { AppClient } from "./tests/resilience/app-client";
import { measure } from "./tests/bench/http/measure";
const port = 38999; const base = `http://127.0.0.1:${port}`;
const app = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/prof", "lib/server/start.mjs"], { env: { ...process.env, NODE_ENV: "production", PORT: String(port), RUNCLEAR_LISTEN_HOST: "127.0.0.1", NEXTAUTH_URL: base }, stdio: "inherit" });
for (let i = 0; i < 60; i++) { try { if ((await fetch(`${base}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 500)); }
const c = new AppClient(base);
await c.signIn(process.argv[2] ?? "dr.ortiz@runclear.example", DEMO_PASSWORD);
const cookie = c.cookieList().map(([k, v]) => `${k}=${v}`).join("; ");
const path = process.argv[3] ?? "/patients";
const m = await measure(base, { name: "x", as: "x", method: "GET", path, headers: { cookie, accept: "text/html" }, verify: () => true }, { connections: 10, duration: 8 });
console.log(m.requestsPerSecond, m.latencyMs);
app.kill("SIGTERM"); await new Promise((r) => app.once("exit", r));
