import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";

/**
 * Work a request does once (STYLE.md): inside a Next.js request React's `cache` keeps one answer
 * per argument for the request. Outside one (a command-line tool, a test that plays one request)
 * `inRequestScope` opens the same kind of scope. Without either, every call does the work.
 */
const scope = new AsyncLocalStorage<Map<unknown, Map<string, Promise<unknown>>>>();

export function inRequestScope<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), work);
}

export function perRequest<A extends (string | number)[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const inNext = cache(fn);
  return (...args: A) => {
    const store = scope.getStore();
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
