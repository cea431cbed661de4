/**
 * Every process the scale-out test starts, each in its own process group (a server run through
 * `runuser` has a child of its own), so that all of them are ended at the end whatever happened:
 * SIGTERM, then SIGKILL after a few seconds; and SIGKILL from the exit handler if the test dies.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export interface Child {
  label: string;
  process: ChildProcess;
  /** The last 200 lines it printed, for the report of a failure. */
  output(): string;
}

export class Children {
  private readonly started: Child[] = [];
  private readonly killOnExit = () => this.killAllSync();

  constructor() {
    process.on("exit", this.killOnExit);
  }

  start(label: string, command: string, args: string[], options: SpawnOptions = {}): Child {
    const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    const keep = (data: Buffer) => {
      lines.push(...String(data).split("\n").filter(Boolean));
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    const entry = { label, process: child, output: () => lines.join("\n") };
    this.started.push(entry);
    return entry;
  }

  private static signal(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is gone already
    }
  }

  /** SIGTERM to every group, in reverse order of starting; SIGKILL to whatever is left after 5 s. */
  async stopAll(): Promise<void> {
    const running = [...this.started].reverse();
    await Promise.all(
      running.map(async ({ process: child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        Children.signal(child, "SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        Children.signal(child, "SIGKILL");
      }),
    );
    process.off("exit", this.killOnExit);
  }

  killAllSync(): void {
    for (const { process: child } of this.started) Children.signal(child, "SIGKILL");
  }

  /** What every process printed last, labelled, for a failure's report. */
  report(): string {
    return this.started.map((c) => `----- ${c.label} (exit ${c.process.exitCode ?? c.process.signalCode ?? "running"}) -----\n${c.output()}`).join("\n");
  }
}
