import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ExportLink } from "@/components/ui/export-link";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import type { Role } from "@/domain/access/permissions";
import { auditQueryString, type AuditLogFilters, type AuditLogInput } from "@/lib/validation/audit-log";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { AuditFilterOptions } from "@/server/data/audit-filters";
import { KindField } from "./kind-field";
import { FilterPanel } from "../incidents/filter-panel";

type Props = {
  query: Partial<AuditLogFilters>;
  input: AuditLogInput;
  errors: FieldErrors;
  options: AuditFilterOptions;
  exportable: boolean;
};

/** The audit log's filters as a plain GET form (works without script; the address can be shared). */
export function AuditFilterForm({ query, input, errors, options, exportable }: Props) {
  const people = options.people.map((p) => ({
    value: p.id,
    label: `${p.name} (${ROLE_LABEL[p.role as Role] ?? p.role})`,
  }));
  const clients = options.clients.map((c) => ({ value: c.id, label: c.name }));
  const set = [input.person, input.client, input.incident, input.from, input.to].filter(Boolean).length;
  const filtered = set > 0;
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      <KindField value={query.kind ?? ""} errors={errors.kind} />
      <FilterPanel active={set} initiallyOpen={Object.keys(errors).some((k) => k !== "_form" && k !== "kind")}>
        <SelectField
          name="person"
          label="Person"
          defaultValue={query.person ?? ""}
          placeholder="Anyone"
          options={people}
          errors={errors.person}
        />
        <SelectField
          name="client"
          label="Client"
          defaultValue={query.client ?? ""}
          placeholder="Any client"
          options={clients}
          errors={errors.client}
        />
        <TextField
          name="incident"
          label="Incident reference"
          defaultValue={input.incident ?? ""}
          placeholder="INC-2026-0042"
          autoComplete="off"
          errors={errors.incident}
        />
        <TextField name="from" label="From (day)" type="date" defaultValue={input.from ?? ""} errors={errors.from} />
        <TextField name="to" label="To (day, included)" type="date" defaultValue={input.to ?? ""} errors={errors.to} />
      </FilterPanel>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <button
          type="submit"
          className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900"
        >
          Apply filters
        </button>
        {filtered ? (
          <Link
            href={`/audit?${auditQueryString({ kind: query.kind ?? "" })}`}
            className="px-2 py-2 text-sm text-brand-700 underline"
          >
            Clear
          </Link>
        ) : null}
        {exportable ? (
          <ExportLink
            href={`/api/audit/export?${auditQueryString({ ...query, kind: query.kind ?? "" })}`}
            fallbackName="audit-log.csv"
            className="px-2 py-2 text-sm text-brand-700 underline"
          >
            Export this view (CSV)
          </ExportLink>
        ) : null}
      </div>
    </form>
  );
}
