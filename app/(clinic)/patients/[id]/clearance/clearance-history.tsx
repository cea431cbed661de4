import type { ClearanceVersion } from "@/lib/dal/clearance";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { decisionLabel } from "@/lib/ui/clearance-badge";
import { formatDate, formatDateTime } from "@/lib/ui/format";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { restrictionLines } from "./restriction-lines";

const cell = "px-3 py-2 align-top";

/** Every version ever signed, newest first: a clearance is never edited, only superseded. */
export async function ClearanceHistory({ history }: { history: ClearanceVersion[] }) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="history-heading" className="text-lg font-semibold">History</h2>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No decisions recorded yet.</p>
      ) : (
        <ScrollRegion label="Clearance history">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                {["Version", "Decision", "Restrictions", "Review date", "Signed by", "Signed at", "Override reason", "Note"].map((heading) => (
                  <th key={heading} scope="col" className={`${cell} font-semibold`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 text-slate-700">
              {history.map((v) => (
                <tr key={v.version}>
                  <th scope="row" className={`${cell} font-semibold text-slate-900`}>
                    {v.version}
                  </th>
                  <td className={cell}>{decisionLabel(v.level, v.withdrawn)}</td>
                  <td className={cell}>{v.restrictions ? restrictionLines(v.restrictions).join("; ") : "None"}</td>
                  <td className={cell}>{v.reviewDate ? formatDate(v.reviewDate, fmt) : "None"}</td>
                  <td className={cell}>{v.signedByName}</td>
                  <td className={cell}>{formatDateTime(v.signedAt, fmt)}</td>
                  <td className={cell}>{v.overrideReason || "None"}</td>
                  <td className={cell}>{v.note || "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
