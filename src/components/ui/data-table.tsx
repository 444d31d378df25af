"use client";

import Link from "next/link";

/** A cell: text, a number, or text that links somewhere. */
export type Cell = string | number | { text: string; href: string };

/**
 * A plain table of figures whose first column heads each row. A client component so the server
 * sends the cells once, as data, rather than as a component tree beside the HTML (dashboards
 * are many small tables).
 */
export function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}) {
  const show = (c: Cell) =>
    typeof c === "object" ? (
      <Link href={c.href} prefetch={false} className="text-brand-700 underline">
        {c.text}
      </Link>
    ) : (
      c
    );
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="py-1 pr-4">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row" className="py-1 pr-4 text-left font-normal">
                    {show(c)}
                  </th>
                ) : (
                  <td key={j} className="py-1 pr-4 tabular-nums">
                    {show(c)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
