import { ScrollRegion } from "@/lib/ui/scroll-region";

interface SidedRow {
  key: string;
  /** The row's heading first, then any describing cells (muscle, area, roots). */
  cells: React.ReactNode[];
  /** One finding per side, or `both` for a test that has no side. */
  left?: React.ReactNode;
  right?: React.ReactNode;
  both?: React.ReactNode;
}

const head = "px-3 py-2 text-left font-semibold text-slate-800";
const cell = "px-3 py-2 align-top text-slate-800";

/** A read-only findings table with Left and Right columns. */
export function SidedTable({ label, columns, rows }: { label: string; columns: string[]; rows: SidedRow[] }) {
  return (
    <ScrollRegion label={label}>
      <table className="w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-slate-50">
          <tr>
            {[...columns, "Left", "Right"].map((column) => (
              <th key={column} scope="col" className={head}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((content, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className={`${head} align-top`}>
                    {content}
                  </th>
                ) : (
                  <td key={index} className={cell}>
                    {content}
                  </td>
                ),
              )}
              {row.both !== undefined ? (
                <td colSpan={2} className={cell}>
                  {row.both}
                </td>
              ) : (
                <>
                  <td className={cell}>{row.left}</td>
                  <td className={cell}>{row.right}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
