import fs from "node:fs";

/**
 * How `npm start` runs the production server (package.json's `start`: `node <flags>
 * lib/server/start.mjs`), as arguments for Node.js: every test and benchmark that starts the
 * server starts it the same way, Node.js flags included, so what they measure is what runs.
 */
export function serverArgs(): string[] {
  const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.start ?? "";
  const command = /(?:^|&&\s*)node\s+((?:--\S+\s+)*)(lib\/server\/start\.mjs)\s*$/.exec(start);
  if (!command) throw new Error(`package.json's start script does not end in "node [flags] lib/server/start.mjs": ${start}`);
  return [...command[1]!.split(/\s+/).filter(Boolean), command[2]!];
}
