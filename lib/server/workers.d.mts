export function workerCount(raw: string | undefined, hasServerDatabase: boolean): number;
export function runWorkers(count: number): void;
export const READY_MESSAGE: "runclear:database-ready";
