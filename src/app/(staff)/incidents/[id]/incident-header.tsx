import Link from "next/link";
import { Badge, SEVERITY_TONE } from "@/components/ui/badge";
import { Countdown } from "@/components/ui/countdown";
import { ExportLink } from "@/components/ui/export-link";
import { PHASES, PHASE_LABEL, SEVERITY_LABEL, TYPE_LABEL, nextPhase, phaseIndex } from "@/domain/incident/types";
import type { Blocker } from "@/domain/incident/transition";
import { isSettled } from "@/domain/deadlines/obligation-status";
import { formatInstant } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import type { ObligationWithNotices } from "@/server/data/obligations";
import { workingTargetLine } from "@/domain/deadlines/working-target";

type Props = {
  incident: IncidentDetail["incident"];
  blockers: readonly Blocker[];
  obligations: readonly ObligationWithNotices[];
  timeZone: string;
  created: boolean;
  mayExport: boolean;
  /** Whether the incident's audit trail (CSV) may be downloaded: audit:read. */
  mayReadAudit: boolean;
  /** Client question threads waiting for our answer. */
  openQuestions: number;
  /** A legal hold (on it or its client) keeps it from erasure: everyone who sees it is told. */
  legalHold?: boolean;
  /** May reassign the incident: "change" beside the owner opens the People card's form. */
  mayReassign?: boolean;
};

/** Who has it, where it stands, what is due next and what it takes to move on: the first screen of work. */
export function IncidentHeader({
  incident,
  blockers,
  obligations,
  timeZone,
  created,
  mayExport,
  mayReadAudit,
  openQuestions,
  legalHold,
  mayReassign = false,
}: Props) {
  const closed = incident.phase === "CLOSED";
  const current = phaseIndex(incident.phase);
  const due = obligations
    .filter((o): o is typeof o & { dueAt: Date } => o.active && o.dueAt !== null && !isSettled(o.status))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/incidents" className="text-brand-700 underline">
          Incidents
        </Link>{" "}
        <span aria-hidden="true">/</span> {incident.reference}
      </nav>
      {created ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          Incident {incident.reference} logged.
        </p>
      ) : null}
      <header className="space-y-3">
        <div className="space-y-2">
          <p className="font-mono text-sm text-slate-600">{incident.reference}</p>
          <h1 className="break-words text-2xl font-semibold">{incident.title}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone="blue">{TYPE_LABEL[incident.type]}</Badge>
            <Badge tone={SEVERITY_TONE[incident.severity]}>Severity: {SEVERITY_LABEL[incident.severity]}</Badge>
            <Badge tone={closed ? "green" : "slate"}>
              Phase: {PHASE_LABEL[incident.phase]}
              {incident.resolution === "FALSE_POSITIVE" ? " (false positive)" : ""}
            </Badge>
            {legalHold ? <Badge tone="red">Legal hold</Badge> : null}
            <span className="text-slate-600">Client: {incident.client.name}</span>
          </div>
        </div>
        <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-[1fr_1.4fr_2fr]">
          <div>
            <dt className="term">Owner</dt>
            <dd>
              {incident.owner?.name ?? <span className="text-amber-800">Unassigned</span>}
              {mayReassign ? (
                <>
                  {" "}
                  <a href="#reassign" className="text-xs text-brand-700 underline">
                    change
                  </a>
                </>
              ) : null}
            </dd>
            <dd className="text-xs text-slate-500">
              In {PHASE_LABEL[incident.phase]} since {formatInstant(incident.phaseEnteredAt, timeZone)}
            </dd>
          </div>
          <div>
            <dt className="term">Next deadline</dt>
            {due?.dueAt ? (
              <>
                <dd>
                  <a href="#obligations" className="text-brand-700 underline">
                    {due.citation}
                  </a>
                  : {due.title}
                </dd>
                <dd>
                  {formatInstant(due.dueAt, timeZone)} — <Countdown dueAt={due.dueAt.toISOString()} />
                </dd>
                {workingTargetLine(due.basis) ? (
                  <dd className="text-xs text-slate-600">{workingTargetLine(due.basis)}</dd>
                ) : null}
              </>
            ) : (
              <dd className="text-slate-600">No notice deadline open.</dd>
            )}
          </div>
          <div className="sm:col-span-2 lg:col-span-1">
            <dt className="term">Next step</dt>
            <NextStep phase={incident.phase} blockers={blockers} />
          </div>
        </dl>
        {openQuestions ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The client is waiting for an answer on {openQuestions === 1 ? "a notice" : `${openQuestions} notices`}:{" "}
            <a href="#questions" className="font-medium underline">
              see their questions
            </a>
            .
          </p>
        ) : null}
        {mayExport || mayReadAudit ? (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {mayExport ? (
              <a href={`/api/incidents/${incident.id}/report?format=pdf`} className="text-brand-700 underline">
                Report (PDF)
              </a>
            ) : null}
            {mayExport ? (
              <a href={`/api/incidents/${incident.id}/report?format=md`} className="text-brand-700 underline">
                Report (Markdown)
              </a>
            ) : null}
            {mayReadAudit ? (
              <ExportLink
                href={`/api/incidents/${incident.id}/audit`}
                fallbackName="audit.csv"
                className="text-brand-700 underline"
              >
                Audit trail (CSV)
              </ExportLink>
            ) : null}
          </p>
        ) : null}
      </header>
      <ol aria-label="Lifecycle" className="lifecycle">
        {PHASES.map((p, i) => (
          <li
            key={p}
            aria-current={p === incident.phase ? "step" : undefined}
            className={i < current ? "done" : undefined}
          >
            {i < current ? "✓ " : ""}
            {PHASE_LABEL[p]}
          </li>
        ))}
      </ol>
    </>
  );
}

// Where each kind of blocker is dealt with on this page.
const GATE_SECTION: Partial<Record<string, { href: string; label: (n: number) => string }>> = {
  REPORT: { href: "#obligations", label: (n) => `${n} notification obligation${n === 1 ? "" : "s"} to settle` },
  POST_MORTEM: { href: "#review", label: (n) => `${n} thing${n === 1 ? "" : "s"} left in the review` },
};

function NextStep({ phase, blockers }: { phase: IncidentDetail["incident"]["phase"]; blockers: readonly Blocker[] }) {
  const next = nextPhase(phase);
  if (!next) return <dd className="text-slate-600">None: the incident is closed.</dd>;
  const target = next === "CLOSED" ? "close" : `move to ${PHASE_LABEL[next]}`;
  if (!blockers.length)
    return (
      <dd className="text-emerald-800">
        Ready to {target}:{" "}
        <a href="#next-step" className="underline">
          next step
        </a>
        .
      </dd>
    );
  const items = blockers.filter((b) => b.kind === "checklist");
  const gates = blockers.filter((b) => b.kind === "gate");
  const gate = GATE_SECTION[phase];
  return (
    <dd>
      <p>To {target}:</p>
      <ul className="mt-1 list-disc pl-5">
        {items.length ? (
          <li>
            <a href="#checklist" className="text-brand-700 underline">
              {items.length} required checklist item{items.length === 1 ? "" : "s"}
            </a>{" "}
            still open
          </li>
        ) : null}
        {gates.length && gate ? (
          <li>
            <a href={gate.href} className="text-brand-700 underline">
              {gate.label(gates.length)}
            </a>
          </li>
        ) : (
          gates.map((g) => <li key={g.reason}>{g.reason}</li>)
        )}
      </ul>
    </dd>
  );
}
