/**
 * A progress bar with an ETA on stderr for `npm run db:synth`. Work is counted in weighted units
 * (a batch of patients is worth more than the final ANALYZE), so the ETA is the time per unit so far.
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private phase = "";
  private lastDraw = 0;
  readonly phaseTimes: { phase: string; seconds: number }[] = [];
  private phaseStarted = Date.now();

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream | null = process.stderr,
  ) {}

  /** Starts a named phase; the previous one's time is kept for the summary. */
  begin(phase: string): void {
    this.closePhase();
    this.phase = phase;
    this.phaseStarted = Date.now();
    this.draw(true);
  }

  advance(units: number): void {
    this.done = Math.min(this.total, this.done + units);
    this.draw(false);
  }

  finish(): void {
    this.closePhase();
    this.done = this.total;
    this.draw(true);
    this.out?.write("\n");
  }

  private closePhase(): void {
    if (this.phase) this.phaseTimes.push({ phase: this.phase, seconds: (Date.now() - this.phaseStarted) / 1000 });
  }

  private draw(force: boolean): void {
    if (!this.out) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 250) return;
    this.lastDraw = now;
    const share = this.total ? this.done / this.total : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const elapsed = (now - this.started) / 1000;
    const eta = share > 0 && share < 1 ? (elapsed / share) * (1 - share) : 0;
    const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}%  ${clock(elapsed)} elapsed  ETA ${share > 0 ? clock(eta) : "--:--"}  ${this.phase}`;
    // A terminal gets one line redrawn in place; a log file gets a line per update.
    this.out.write(this.out.isTTY ? `\r${line.padEnd(110)}` : `${line}\n`);
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
