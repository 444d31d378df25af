import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { auditFilterOptions, resolveAuditFilter } from "@/server/data/audit-filters";
import { listAuditLog } from "@/server/data/audit-log";
import { parseAuditLogQuery } from "@/lib/validation/audit-log";
import { isReadKind } from "@/domain/audit/read-kinds";
import { AuditTabs } from "./audit-tabs";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditResults } from "./audit-results";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The organization's audit log, for people with audit:read: what was changed (the hash-chained
// audit trail) and who read what (the access log), newest first, 50 a page. Filters are a GET
// form, so a view can be bookmarked and shared; a filter that is not valid is named beside its
// field and nothing is listed until it is put right (a list that silently ignored it would
// show more than was asked for, in a place where that is read as evidence).
export default async function AuditPage({ searchParams }: Props) {
  const viewer = await requireViewer("audit:read", "/audit");
  const { query, fieldErrors: formatErrors, input } = parseAuditLogQuery(await searchParams, viewer.timeZone);
  const options = await auditFilterOptions(viewer);
  const { filter, fieldErrors: scopeErrors } = await resolveAuditFilter(viewer, query, options);
  const errors = { ...formatErrors, ...scopeErrors };
  const blocked = Object.keys(errors).some((k) => k !== "_form");
  const kind = query.kind ?? "";
  const page = blocked
    ? null
    : await listAuditLog(viewer, { ...filter, kind }, errors._form ? undefined : query.cursor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every change made in your organization, and who opened or downloaded what. Times in {viewer.timeZone}.
        </p>
      </div>
      <AuditTabs query={query} reads={isReadKind(kind)} />
      <AuditFilterForm query={query} input={input} errors={errors} options={options} exportable={!blocked} />
      {errors._form ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {errors._form.join(" ")}
        </p>
      ) : null}
      {page ? (
        <AuditResults page={page} query={query} timeZone={viewer.timeZone} />
      ) : (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          Nothing is listed until the highlighted filters are corrected.
        </p>
      )}
    </div>
  );
}
