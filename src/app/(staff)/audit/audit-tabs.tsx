import Link from "next/link";
import { auditQueryString, type AuditLogFilters } from "@/lib/validation/audit-log";

/**
 * "Changes" and "Reads" as two links over one list: each keeps the other filters (person, client,
 * incident, period) and sets the kind to all changes or all reads.
 */
export function AuditTabs({ query, reads }: { query: AuditLogFilters; reads: boolean }) {
  const tabs = [
    { label: "Changes", kind: "" as const, current: !reads },
    { label: "Reads", kind: "reads" as const, current: reads },
  ];
  return (
    <nav aria-label="Audit log views" className="flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.label}
          href={`/audit?${auditQueryString({ ...query, kind: t.kind })}`}
          aria-current={t.current ? "page" : undefined}
          className={`-mb-px rounded-t-md border px-4 py-2 text-sm font-medium ${t.current ? "border-slate-200 border-b-white bg-white text-slate-900" : "border-transparent text-brand-700 hover:bg-slate-100"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
