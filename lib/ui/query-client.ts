import { defaultShouldDehydrateQuery, isServer, QueryClient } from "@tanstack/react-query";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A default for queries that set none: data the server just rendered is not fetched again
      // the moment the page hydrates (TanStack Query, "Advanced Server Rendering").
      queries: { staleTime: 30_000 },
      // Pending queries are handed over too, so a prefetch the server did not await still streams.
      dehydrate: { shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending" },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/**
 * On the server a new client per call: a page prefetches into its own and hands the result to the
 * browser with `dehydrate`, so no user's data can sit in a shared one. In the browser one client
 * per tab, kept even if React suspends while the provider first renders.
 */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
