// Stands in for "server-only" under vitest, which does not run in a React Server Components build.
export {};
