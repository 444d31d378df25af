import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { AuditPage } from "@/server/data/audit-log";
import { auditQueryString, type AuditLogFilters } from "@/lib/validation/audit-log";
import { ChangeTable } from "./change-table";
import { ReadTable } from "./read-table";

/** One page of changes or reads, and the links to the first and the next page. */
export function AuditResults({ page, query, timeZone }: { page: AuditPage; query: AuditLogFilters; timeZone: string }) {
  const what = page.view === "reads" ? "reads" : "changes";
  const next = page.nextCursor ? `/audit?${auditQueryString(query, page.nextCursor)}` : null;
  return (
    <>
      {page.rows.length === 0 ? (
        <EmptyState title={`No ${what} match`}>
          <p>{query.cursor ? "There is nothing older." : "Try a longer period or fewer filters."}</p>
        </EmptyState>
      ) : page.view === "reads" ? (
        <ReadTable rows={page.rows} timeZone={timeZone} />
      ) : (
        <ChangeTable rows={page.rows} timeZone={timeZone} />
      )}
      <nav aria-label="Pages" className="flex justify-between">
        {query.cursor ? (
          <Link href={`/audit?${auditQueryString(query)}`} className="text-sm text-brand-700 underline">
            Newest first
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={next} className="text-sm text-brand-700 underline">
            Older {what}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
