import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

// About this many bytes per row below, the HTML and its copy in the RSC payload (production build);
// the benchmark corrects its request by the size it gets.
const ROW_BYTES = 600;
const MAX_KB = 2_000;

/**
 * The ceiling of the HTTP benchmark (`npm run bench`, tests/bench/http): a page rendered per
 * request, through the same proxy and root layout as every page, of about the HTML size asked
 * for (`?kb=`, the benchmark passes its targets' median), that reads nothing itself. How close a
 * real page comes to it is how much of its time is the page's own work. Not found unless the
 * server runs with RUNCLEAR_BENCH_CEILING=1, so it does not exist in a normal deployment.
 */
export default async function BenchCeilingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (process.env.RUNCLEAR_BENCH_CEILING !== "1") notFound();
  const { kb } = await searchParams;
  const asked = Math.min(MAX_KB, Math.max(1, Number(typeof kb === "string" ? kb : 40) || 40));
  const rows = Math.max(1, Math.round((asked * 1024) / ROW_BYTES));
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">Benchmark ceiling</h1>
      <table className="mt-4 w-full text-left text-sm">
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className="px-3 py-2">Row {i + 1}</td>
              <td className="px-3 py-2 tabular-nums">{(i * 7919) % 10_007}</td>
              <td className="px-3 py-2 text-slate-700">Static text of about the length of a worklist cell</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
