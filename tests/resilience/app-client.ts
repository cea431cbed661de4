/**
 * A signed-in HTTP client for the built app, as a browser would call it: next-auth's
 * credentials sign-in, pages, and server actions posted with the same encoding React uses
 * (`encodeReply`) and the action ids of this build.
 */
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

interface Manifest {
  node: Record<string, { filename: string; exportedName: string }>;
}

let actionIds: Map<string, string> | null = null;

/** The id this build gave an exported server action (file under app/ and export name). */
export function actionId(file: string, name: string): string {
  if (!actionIds) {
    const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
    actionIds = new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
  }
  const id = actionIds.get(`app/${file}#${name}`);
  if (!id) throw new Error(`no server action app/${file}#${name} in this build`);
  return id;
}

/** A server action's arguments as a `useActionState` form sends them: (previous state, form data). */
export function encodeFormAction(fields: Record<string, string>): Promise<string | FormData> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return encodeReply([null, form]);
}

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

export interface ActionAnswer extends Answer {
  /** What the action returned: its `ok` and `message`, when the response carried them. */
  ok: boolean | null;
  message: string | null;
}

export class AppClient {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  /** The cookies this client holds, e.g. to hand a browser the same session. */
  cookieList(): [string, string][] {
    return [...this.cookies];
  }

  /** The same client addressing another instance (or the load balancer): one cookie jar for both. */
  at(base: string): AppClient {
    const other = new AppClient(base);
    other.cookies = this.cookies;
    return other;
  }

  /** A client holding these cookies, e.g. a session kept after its owner signed out. */
  static holding(base: string, cookies: [string, string][]): AppClient {
    const client = new AppClient(base);
    for (const [name, value] of cookies) client.cookies.set(name, value);
    return client;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value && !/max-age=0/i.test(line)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }

  async request(path: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    this.remember(response);
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  /** The session cookie's name and value once signed in. */
  sessionCookie(): [string, string] | undefined {
    return [...this.cookies].find(([k]) => k.endsWith("session-token"));
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = JSON.parse((await this.request("/api/auth/csrf")).text) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken: csrf.csrfToken, email, password });
    const answer = await this.request("/api/auth/callback/credentials", { method: "POST", body, headers: { origin: this.base } });
    if (answer.status !== 302 || ![...this.cookies.keys()].some((k) => k.endsWith("session-token"))) {
      throw new Error(`sign-in as ${email} failed (${answer.status} ${answer.headers.get("location") ?? ""})`);
    }
  }

  get(path: string): Promise<Answer> {
    return this.request(path, { headers: { accept: "text/html" } });
  }

  /** Calls a `useActionState` action as its form would: (previous state, form data). */
  async action(pagePath: string, file: string, name: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<ActionAnswer> {
    return this.post(pagePath, file, name, await encodeFormAction(fields), headers);
  }

  /** Calls an action a client component calls with typed values (`validatedCall`): its arguments as they are. */
  async call(pagePath: string, file: string, name: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionAnswer> {
    return this.post(pagePath, file, name, await encodeReply(args), headers);
  }

  private async post(pagePath: string, file: string, name: string, body: string | FormData, headers: Record<string, string>): Promise<ActionAnswer> {
    const answer = await this.request(pagePath, {
      method: "POST",
      body,
      headers: { accept: "text/x-component", "next-action": actionId(file, name), origin: this.base, ...headers },
    });
    // The action's return value is one row of the RSC payload: {"ok":…,"message":"…",…}.
    const result = /\{"ok":(true|false)(?:,"message":"((?:[^"\\]|\\.)*)")?/.exec(answer.text);
    return { ...answer, ok: result ? result[1] === "true" : null, message: result?.[2] ? (JSON.parse(`"${result[2]}"`) as string) : null };
  }
}
