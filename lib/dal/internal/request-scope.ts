import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { after } from "next/server";
import { cache } from "react";

/**
 * Work a request does once (STYLE.md): inside a Next.js request React's `cache` keeps one answer
 * per argument for the request. Outside one (a command-line tool, a test that plays one request)
 * `inRequestScope` opens the same kind of scope. Without either, every call does the work.
 */
interface Scope {
  answers: Map<unknown, Map<string, Promise<unknown>>>;
  values: Map<unknown, unknown>;
  atEnd: (() => Promise<void>)[];
}
const scope = new AsyncLocalStorage<Scope>();

/** Plays one request: per-request answers are shared inside, and end-of-request work runs at the end. */
export async function inRequestScope<T>(work: () => Promise<T>): Promise<T> {
  const current: Scope = { answers: new Map(), values: new Map(), atEnd: [] };
  try {
    return await scope.run(current, work);
  } finally {
    // Like Next's `after`: the work ran whether or not the request failed.
    for (const task of current.atEnd.splice(0)) await task();
  }
}

export function perRequest<A extends (string | number)[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const inNext = cache(fn);
  return (...args: A) => {
    const store = scope.getStore()?.answers;
    if (!store) return inNext(...args);
    let answers = store.get(fn);
    if (!answers) store.set(fn, (answers = new Map()));
    const key = args.join("\u0000");
    let answer = answers.get(key) as Promise<R> | undefined;
    if (!answer) {
      answer = fn(...args);
      answers.set(key, answer);
      // A failed read is not kept: the next caller tries again.
      answer.catch(() => answers!.delete(key));
    }
    return answer;
  };
}

/**
 * One mutable value per request (what a request has read so far). Outside any request each call
 * gets a fresh value.
 */
export function perRequestValue<T>(make: () => T): () => T {
  const inNext = cache(make);
  return () => {
    const values = scope.getStore()?.values;
    if (!values) return inNext();
    if (!values.has(make)) values.set(make, make());
    return values.get(make) as T;
  };
}

/**
 * Runs `task` once the request is over: Next's `after` (after the response is sent), or the end
 * of `inRequestScope`. Returns false when there is no request to wait for; the caller does the
 * work now instead.
 */
export function afterRequest(task: () => Promise<void>): boolean {
  const current = scope.getStore();
  if (current) {
    current.atEnd.push(task);
    return true;
  }
  try {
    after(task);
    return true;
  } catch {
    return false; // outside a Next.js request
  }
}
