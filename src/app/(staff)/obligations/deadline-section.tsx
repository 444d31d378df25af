import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Countdown } from "@/components/ui/countdown";
import { formatInstant } from "@/lib/datetime";
import { isSettled } from "@/domain/deadlines/obligation-status";
import { SETTLED_ON_TIME_THEN } from "@/domain/deadlines/terms-change";
import { workingTargetNote } from "@/domain/deadlines/working-target";
import { ROWS_PER_SECTION, type DeadlineRow, type DeadlineSection as Section } from "@/server/data/deadline-work-list";

const STATUS_LABEL: Record<string, string> = {
  PENDING: "To do",
  DRAFT: "Draft",
  AWAITING_APPROVAL: "Awaiting approval",
  SENT: "Sent",
  ACKNOWLEDGED: "Acknowledged",
  FILED: "Filed",
  NOT_REQUIRED: "Not required",
  WAIVED: "Waived",
};

const HEADING = {
  BPO: { title: "Owed by us", hint: "Notices we owe our clients under the law and their contracts." },
  CLIENT: {
    title: "Owed by our clients",
    hint: "Notices our clients owe regulators and people affected; we support them with the facts in time.",
  },
} as const;

function Row({ r, now, timeZone }: { r: DeadlineRow; now: Date; timeZone: string }) {
  const settled = isSettled(r.status);
  const overdue = !settled && r.dueAt !== null && r.dueAt < now;
  return (
    <li className={`rounded-md border p-3 ${overdue ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium">{r.title}</p>
          <p className="text-xs text-slate-500">
            {r.citation} · to {r.recipient}
          </p>
          <p className="mt-1 text-sm">
            <Link href={`/incidents/${r.incident.id}#obligations`} className="font-mono text-brand-700 underline">
              {r.incident.reference}
            </Link>{" "}
            <span className="text-slate-700">{r.incident.title}</span>{" "}
            <span className="text-slate-500">· {r.incident.clientName}</span>
          </p>
        </div>
        <div className="text-right text-sm">
          <Badge tone={settled ? "green" : overdue ? "red" : r.applicability === "TO_ASSESS" ? "amber" : "slate"}>
            {overdue ? "Overdue" : (STATUS_LABEL[r.status] ?? r.status)}
            {r.applicability === "TO_ASSESS" && !settled ? " · to assess" : ""}
          </Badge>
          <p className="mt-1">
            {r.dueAt ? (
              <>
                Due {formatInstant(r.dueAt, timeZone)}
                <br />
                <Countdown dueAt={r.dueAt.toISOString()} settled={settled} />
              </>
            ) : (
              "Clock not started"
            )}
          </p>
        </div>
      </div>
      {r.workingTarget ? <p className="mt-1 text-xs text-slate-600">{workingTargetNote(r.workingTarget)}.</p> : null}
      {r.timing === "ON_TIME_UNDER_EARLIER_TERMS" && r.settledDueAt ? (
        <p className="mt-1 text-xs font-medium text-emerald-800">
          {SETTLED_ON_TIME_THEN}: due {formatInstant(r.settledDueAt, timeZone)} when it was settled.
        </p>
      ) : null}
    </li>
  );
}

/** One party's obligations, most urgent first. */
export function DeadlineSection({ section, now, timeZone }: { section: Section; now: Date; timeZone: string }) {
  const h = HEADING[section.party];
  const id = `deadlines-${section.party.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {h.title} <span className="text-sm font-normal text-slate-600">({section.total})</span>
        </h2>
        <p className="text-sm text-slate-600">{h.hint}</p>
        {section.overdue ? (
          <p role="status" className="text-sm font-medium text-red-700">
            {section.overdue} overdue.
          </p>
        ) : null}
        {section.total > section.rows.length ? (
          <p className="text-sm text-slate-600">
            Showing the {section.rows.length} most urgent of {section.total} (at most {ROWS_PER_SECTION}); narrow the
            filters or open an incident for all of its own.
          </p>
        ) : null}
      </div>
      {section.rows.length ? (
        <ol aria-label={h.title} className="space-y-2">
          {section.rows.map((r) => (
            <Row key={r.id} r={r} now={now} timeZone={timeZone} />
          ))}
        </ol>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
          Nothing here for these filters.
        </p>
      )}
    </section>
  );
}
