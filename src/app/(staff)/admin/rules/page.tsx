import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { ruleSettingsOf } from "@/server/data/rule-settings";
import { can } from "@/domain/access/can";
import { RULE_GROUPS } from "@/domain/deadlines/rules";
import { coverageOf, filterReport, rulesReport, type RuleReportRow } from "@/domain/deadlines/rules-report";
import { parseRuleFilters } from "@/lib/validation/rule-filters";
import { isoDay } from "@/lib/datetime";
import { Badge } from "@/components/ui/badge";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { WorkingTargetForm } from "./working-target-form";
import { DateTime } from "luxon";

export const metadata: Metadata = { title: "Deadline rules" };

const LIMIT_TONE = {
  "fixed by law": "slate",
  "outer limit": "slate",
  "no fixed time": "amber",
  "default (without undue delay)": "amber",
  contract: "slate",
} as const;

function RuleCard({ r, override }: { r: RuleReportRow; override?: { amount: number; unit: string; note: string } }) {
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3" aria-label={`${r.id}, in force ${r.inForce}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium">{r.title}</p>
          <p className="text-xs text-slate-600">
            {r.jurisdiction} · {r.regime} · <span className="font-mono">{r.id}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-1">
          <Badge tone={r.status === "in force" ? "green" : "slate"}>{r.status}</Badge>
          <Badge tone={r.confirmed ? "slate" : "amber"}>{r.confirmed ? "confirmed" : "UNCONFIRMED"}</Badge>
        </div>
      </div>
      <dl className="mt-2 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-500">Citation</dt>
        <dd className="break-words">{r.citation}</dd>
        <dt className="text-slate-500">Clock</dt>
        <dd className="break-words">
          {r.clock}{" "}
          <Badge tone={LIMIT_TONE[r.limit]}>
            {r.limit === "no fixed time" ? "no time fixed by law — working target" : r.limit}
          </Badge>
        </dd>
        <dt className="text-slate-500">Recipient</dt>
        <dd className="break-words">
          {r.recipient}{" "}
          <span className="text-slate-500">({r.party === "BPO" ? "owed by us" : "owed by the client"})</span>
        </dd>
        <dt className="text-slate-500">Thresholds</dt>
        <dd className="break-words">{r.thresholds}</dd>
        <dt className="text-slate-500">In force</dt>
        <dd>{r.inForce}</dd>
        {r.unconfirmed ? (
          <>
            <dt className="text-slate-500">Not confirmed</dt>
            <dd className="break-words text-amber-800">{r.unconfirmed}</dd>
          </>
        ) : null}
        {override && r.status === "in force" ? (
          <>
            <dt className="text-slate-500">Your figure</dt>
            <dd className="break-words">
              {override.amount} {override.unit.replaceAll("_", " ").toLowerCase()} — {override.note}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-500">Sources</dt>
        <dd className="min-w-0">
          <ul className="space-y-0.5">
            {r.sources.map((s) => (
              <li key={s.url} className="break-all">
                <a href={s.url} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                  {s.title ?? s.url}
                </a>{" "}
                <span className="text-xs text-slate-500">(retrieved {s.retrieved})</span>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </li>
  );
}

// Every deadline rule Warden applies, for a compliance officer to review in one place: the same
// rows as `npm run rules:report`. Read-only but for the organization's working target.
export default async function RulesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("admin:view", "/admin/rules");
  const groups = RULE_GROUPS.map((g) => g.group);
  const { filters, ignored } = parseRuleFilters(await searchParams, groups);
  const settings = await ruleSettingsOf(viewer);
  const today = isoDay(DateTime.now().setZone(viewer.timeZone));
  const all = rulesReport(RULE_GROUPS, today);
  const rows = filterReport(filters.group ? all.filter((r) => r.group === filters.group) : all, filters.q);
  const coverage = coverageOf(RULE_GROUPS);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/admin" className="text-brand-700 underline">
            Administration
          </Link>{" "}
          / Deadline rules
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Deadline rules</h1>
        <p className="mt-1 text-sm text-slate-600">
          {coverage.rules} rules ({coverage.versions} versions, dated) in {coverage.groups.length} groups;{" "}
          {coverage.unconfirmed} with a figure not confirmed in a primary text. A rule change recomputes the deadlines
          of open incidents, with a revision naming the rule; closed incidents keep what was computed then.
        </p>
      </div>
      <section aria-labelledby="working-target" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="working-target" className="text-base font-semibold">
          Working target where the law fixes no time
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">
          Some laws say only &quot;as soon as possible&quot; or &quot;without unreasonable delay&quot;. For a notice we
          owe a client, Warden counts the client&apos;s contract notice window; for one the client owes, this target.
          Such due times are always shown as a working target, never as the law&apos;s.
        </p>
        <WorkingTargetForm hours={settings.workingTargetHours} canChange={can(viewer, "client:manage")} />
      </section>
      <form
        method="get"
        action="/admin/rules"
        aria-label="Filter rules"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <TextField
          name="q"
          label="Jurisdiction, regime, rule or citation contains"
          defaultValue={filters.q}
          maxLength={100}
        />
        <SelectField
          name="group"
          label="Group"
          defaultValue={filters.group ?? ""}
          options={[
            { value: "", label: "All groups" },
            ...coverage.groups.map((g) => ({ value: g.group, label: `${g.group} (${g.rules}, version ${g.version})` })),
          ]}
        />
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white">
          Show
        </button>
      </form>
      {ignored.length ? (
        <ul role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {ignored.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="rule-list">
        <h2 id="rule-list" className="text-base font-semibold">
          {rows.length === all.length
            ? `All ${rows.length} rule versions`
            : `${rows.length} of ${all.length} rule versions`}
        </h2>
        {rows.length ? (
          <ul className="mt-3 space-y-3">
            {rows.map((r) => (
              <RuleCard key={`${r.id}@${r.inForce}`} r={r} override={settings.overrides[r.id]} />
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-600">No rule matches these filters.</p>
        )}
      </section>
    </div>
  );
}
