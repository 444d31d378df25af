import type { Metadata } from "next";
import { ExportLink } from "@/components/ui/export-link";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { getIncidentDetail } from "@/server/data/incident-detail";
import { listAssignableStaff } from "@/server/data/incidents";
import { getVisibleClient } from "@/server/data/clients";
import { can } from "@/domain/access/can";
import { Badge, SEVERITY_TONE } from "@/components/ui/badge";
import { DATA_CATEGORY_LABEL, PHASES, PHASE_LABEL, SEVERITY_LABEL, TYPE_LABEL, phaseIndex, type DataCategory } from "@/domain/incident/types";
import { jurisdictionName } from "@/domain/incident/jurisdictions";
import { REVIEW_SECTIONS } from "@/domain/incident/post-mortem";
import { formatInstant, toDateTimeInput } from "@/lib/datetime";
import { TransitionPanel } from "./transition-panel";
import { ChecklistToggle } from "./checklist-toggle";
import { AssetForm, CustodyForm, EvidenceForm, NoteForm, OwnerForm, TaskForm, TaskToggle } from "./record-forms";
import { FactsForm } from "./facts-form";
import { ActionItemForm, ActionItemRow, ReviewForm } from "./post-mortem-forms";
import { ObligationsSection } from "./obligations-section";
import { AssessmentForm } from "./obligation-forms";
import { listIncidentObligations } from "@/server/data/obligations";

export const metadata: Metadata = { title: "Incident" };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-3 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function IncidentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const viewer = await requireViewer("incident:read", `/incidents/${encodeURIComponent(id)}`);
  const detail = await getIncidentDetail(viewer, id);
  if (!detail) notFound();
  const { incident, unmet, timeline } = detail;
  const created = (await searchParams).created === "1";
  const tz = viewer.timeZone;
  const [staffRows, obligations, client] = await Promise.all([
    listAssignableStaff(viewer, incident.clientId),
    listIncidentObligations(viewer, incident.id),
    getVisibleClient(viewer, incident.clientId),
  ]);
  const staff = staffRows.map((s) => ({ value: s.id, label: s.name }));
  const now = new Date();
  const closed = incident.phase === "CLOSED";
  const editable = can(viewer, "incident:update", incident) && !closed;
  const current = phaseIndex(incident.phase);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/incidents" className="text-brand-700 underline">Incidents</Link> <span aria-hidden="true">/</span> {incident.reference}
      </nav>
      {created ? <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">Incident {incident.reference} logged.</p> : null}

      <header className="space-y-2">
        <p className="font-mono text-sm text-slate-600">{incident.reference}</p>
        <h1 className="text-2xl font-semibold">{incident.title}</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          <Badge tone="blue">{TYPE_LABEL[incident.type]}</Badge>
          <Badge tone={SEVERITY_TONE[incident.severity]}>Severity: {SEVERITY_LABEL[incident.severity]}</Badge>
          <Badge tone={closed ? "green" : "slate"}>
            Phase: {PHASE_LABEL[incident.phase]}
            {incident.resolution === "FALSE_POSITIVE" ? " (false positive)" : ""}
          </Badge>
          <span className="text-slate-600">Client: {incident.client.name}</span>
        </div>
        {can(viewer, "report:export", incident) ? (
          <p className="flex flex-wrap gap-4 text-sm">
            <a href={`/api/incidents/${incident.id}/report?format=pdf`} className="text-brand-700 underline">Report (PDF)</a>
            <a href={`/api/incidents/${incident.id}/report?format=md`} className="text-brand-700 underline">Report (Markdown)</a>
            <ExportLink href={`/api/incidents/${incident.id}/audit`} fallbackName="audit.csv" className="text-brand-700 underline">Audit trail (CSV)</ExportLink>
          </p>
        ) : null}
      </header>

      <ol aria-label="Lifecycle" className="flex flex-wrap gap-1">
        {PHASES.map((p, i) => (
          <li
            key={p}
            aria-current={p === incident.phase ? "step" : undefined}
            className={`rounded px-3 py-1 text-xs font-medium ${p === incident.phase ? "bg-brand-600 text-white" : i < current ? "bg-brand-100 text-brand-900" : "bg-slate-100 text-slate-500"}`}
          >
            {i < current ? "✓ " : ""}
            {PHASE_LABEL[p]}
          </li>
        ))}
      </ol>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Section id="facts" title="Facts">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              <div><dt className="text-slate-500">Occurred</dt><dd>{formatInstant(incident.occurredAt, tz)}</dd></div>
              <div><dt className="text-slate-500">Detected</dt><dd>{formatInstant(incident.detectedAt, tz)}</dd></div>
              <div><dt className="text-slate-500">We became aware</dt><dd className="font-medium">{formatInstant(incident.awareAt, tz)}</dd></div>
              <div><dt className="text-slate-500">Reported by</dt><dd>{incident.reporter.name}</dd></div>
              <div className="sm:col-span-2"><dt className="text-slate-500">What happened (internal, staff only)</dt><dd className="whitespace-pre-wrap">{incident.summary}</dd></div>
              <div className="sm:col-span-2"><dt className="text-slate-500">What the client will read</dt><dd className="whitespace-pre-wrap">{incident.clientSummary || <span className="text-amber-800">Not written yet: notices to the client need it.</span>}</dd></div>
            </dl>
            {editable ? (
              <details className="mt-4 rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium">Edit facts and affected data</summary>
                <div className="mt-3">
                  <FactsForm
                    incidentId={incident.id}
                    version={incident.version}
                    title={incident.title}
                    summary={incident.summary}
                    clientSummary={incident.clientSummary}
                    timeZone={tz}
                    values={{
                      occurredAt: toDateTimeInput(incident.occurredAt, tz),
                      detectedAt: toDateTimeInput(incident.detectedAt, tz),
                      awareAt: toDateTimeInput(incident.awareAt, tz),
                      dataCategories: incident.dataCategories,
                      dataSubjectsCount: incident.dataSubjectsCount,
                      recordsCount: incident.recordsCount,
                      jurisdictions: incident.jurisdictions,
                      dataEncrypted: incident.dataEncrypted === null ? "unknown" : incident.dataEncrypted ? "yes" : "no",
                    }}
                  />
                </div>
              </details>
            ) : null}
          </Section>

          {incident.phase === "POST_MORTEM" || incident.postMortem || incident.actionItems.length ? (
            <Section id="post-mortem" title="Post-incident review">
              {incident.postMortem?.completedAt ? (
                <p className="mb-3 text-sm text-emerald-800">Completed by {incident.postMortem.completedBy?.name}, {formatInstant(incident.postMortem.completedAt, tz)}.</p>
              ) : null}
              {incident.phase === "POST_MORTEM" && can(viewer, "postmortem:run", incident) ? (
                <ReviewForm
                  incidentId={incident.id}
                  version={incident.postMortem?.version ?? 0}
                  completed={!!incident.postMortem?.completedAt}
                  values={Object.fromEntries(REVIEW_SECTIONS.map((s) => [s.key, incident.postMortem?.[s.key] ?? ""]))}
                />
              ) : incident.postMortem ? (
                <dl className="space-y-2 text-sm">
                  {REVIEW_SECTIONS.map((s) => (
                    <div key={s.key}><dt className="text-xs font-semibold uppercase text-slate-500">{s.label}</dt><dd className="whitespace-pre-wrap">{incident.postMortem?.[s.key] || "—"}</dd></div>
                  ))}
                </dl>
              ) : null}
              <h3 className="mb-2 mt-5 text-sm font-semibold">Action items</h3>
              {incident.actionItems.length ? (
                <ul className="mb-4 space-y-3">
                  {incident.actionItems.map((a) => (
                    <li key={`${a.id}-${a.status}-${a.ownerId}`} className="rounded-md border border-slate-200 p-3">
                      {can(viewer, "postmortem:run", incident) ? (
                        <ActionItemRow incidentId={incident.id} id={a.id} title={a.title} ownerId={a.owner?.id ?? null} status={a.status} staff={staff} />
                      ) : <p className="text-sm">{a.title} — {a.owner?.name ?? "Unassigned"} — {a.status.toLowerCase()}</p>}
                      <p className="mt-1 text-xs text-slate-500">
                        {a.dueAt ? `Due ${formatInstant(a.dueAt, tz)}` : "No due date"}
                        {a.status !== "DONE" && a.dueAt && a.dueAt < now ? <strong className="ml-1 text-red-700">overdue</strong> : null}
                      </p>
                    </li>
                  ))}
                </ul>
              ) : <p className="mb-4 text-sm text-slate-600">No action items yet.</p>}
              {can(viewer, "postmortem:run", incident) && ["POST_MORTEM", "CLOSED"].includes(incident.phase) ? <ActionItemForm incidentId={incident.id} staff={staff} timeZone={tz} /> : null}
            </Section>
          ) : null}

          <ObligationsSection viewer={viewer} incident={incident} obligations={obligations} timeZone={tz} now={now} />

          {editable ? (
            <Section id="assessment" title="Assessment">
              <AssessmentForm
                incidentId={incident.id}
                version={incident.version}
                timeZone={tz}
                flags={{ nis2: client?.regimes.includes("NIS2 entity") ?? false, dora: client?.regimes.includes("DORA financial entity") ?? false, sec: client?.regimes.includes("SEC registrant") ?? false }}
                values={{
                  risk: incident.risk,
                  riskAssessedAt: toDateTimeInput(incident.riskAssessedAt, tz),
                  nis2Significant: incident.nis2Significant === null ? "" : incident.nis2Significant ? "yes" : "no",
                  doraMajor: incident.doraMajor === null ? "" : incident.doraMajor ? "yes" : "no",
                  doraClassifiedAt: toDateTimeInput(incident.doraClassifiedAt, tz),
                  secMaterial: incident.secMaterial === null ? "" : incident.secMaterial ? "yes" : "no",
                  secDeterminedAt: toDateTimeInput(incident.secDeterminedAt, tz),
                  subjectsByJurisdiction: Object.entries((incident.subjectsByJurisdiction as Record<string, number> | null) ?? {}).map(([k, v]) => `${k}: ${v}`).join("\n"),
                }}
              />
            </Section>
          ) : null}

          <Section id="affected" title="Affected data and systems">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              <div className="sm:col-span-2"><dt className="text-slate-500">Categories</dt><dd>{incident.dataCategories.length ? incident.dataCategories.map((c) => DATA_CATEGORY_LABEL[c as DataCategory]).join(", ") : "Not recorded yet"}</dd></div>
              <div><dt className="text-slate-500">Data subjects (estimate)</dt><dd>{incident.dataSubjectsCount?.toLocaleString("en-US") ?? "Unknown"}</dd></div>
              <div><dt className="text-slate-500">Records (estimate)</dt><dd>{incident.recordsCount?.toLocaleString("en-US") ?? "Unknown"}</dd></div>
              <div><dt className="text-slate-500">Encrypted</dt><dd>{incident.dataEncrypted === null ? "Not known yet" : incident.dataEncrypted ? "Yes" : "No"}</dd></div>
              <div><dt className="text-slate-500">Jurisdictions</dt><dd>{incident.jurisdictions.length ? incident.jurisdictions.map(jurisdictionName).join(", ") : "Not recorded yet"}</dd></div>
            </dl>
            <h3 className="mt-4 text-sm font-semibold">Systems and assets</h3>
            {incident.assets.length ? (
              <ul className="mt-1 list-disc pl-5 text-sm">{incident.assets.map((a) => <li key={a.id}>{a.name}{a.kind ? ` (${a.kind})` : ""}</li>)}</ul>
            ) : <p className="text-sm text-slate-600">None listed yet.</p>}
            {editable ? <div className="mt-3"><AssetForm incidentId={incident.id} /></div> : null}
          </Section>

          <Section id="checklist" title="Checklist">
            <div className="space-y-4">
              {PHASES.filter((p) => p !== "CLOSED").map((p) => {
                const items = incident.checklist.filter((c) => c.phase === p);
                if (!items.length) return null;
                return (
                  <fieldset key={p} className={p === incident.phase ? "rounded-md bg-brand-50 p-3" : "p-3"}>
                    <legend className="text-sm font-semibold">{PHASE_LABEL[p]}{p === incident.phase ? " (current phase)" : ""}</legend>
                    {items.map((c) => (
                      <ChecklistToggle key={`${c.id}-${c.doneAt?.getTime() ?? 0}`} incidentId={incident.id} itemId={c.id} label={c.label} done={c.doneAt !== null} required={c.required} doneBy={c.doneBy?.name ?? null} disabled={!editable} />
                    ))}
                  </fieldset>
                );
              })}
            </div>
          </Section>

          <Section id="tasks" title="Tasks">
            {incident.tasks.length ? (
              <ul className="mb-4 divide-y divide-slate-100">
                {incident.tasks.map((t) => (
                  <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <TaskToggle key={`${t.id}-${t.doneAt?.getTime() ?? 0}`} incidentId={incident.id} taskId={t.id} title={t.title} done={t.doneAt !== null} />
                    <span className="text-xs text-slate-500">
                      {t.owner?.name ?? "Unassigned"}
                      {t.dueAt ? ` · due ${formatInstant(t.dueAt, tz)}` : ""}
                      {!t.doneAt && t.dueAt && t.dueAt < new Date() ? <strong className="ml-1 text-red-700">overdue</strong> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : <p className="mb-4 text-sm text-slate-600">No tasks yet.</p>}
            {can(viewer, "incident:update", incident) ? <TaskForm incidentId={incident.id} staff={staff} timeZone={tz} /> : null}
          </Section>

          <Section id="evidence" title="Evidence">
            {incident.evidence.length ? (
              <ul className="mb-4 space-y-4">
                {incident.evidence.map((ev) => (
                  <li key={ev.id} className="rounded-md border border-slate-200 p-3 text-sm">
                    <p className="font-medium">{ev.description}</p>
                    <p className="text-slate-600">Kept at {ev.location} · collected by {ev.collectedBy.name}, {formatInstant(ev.collectedAt, tz)}</p>
                    <p className="break-all font-mono text-xs text-slate-600">SHA-256 {ev.sha256}</p>
                    <h3 className="mt-2 text-xs font-semibold uppercase text-slate-500">Chain of custody</h3>
                    <ol className="text-xs">
                      {ev.custody.map((c) => <li key={c.id}>{formatInstant(c.at, tz)} — {c.action.toLowerCase()} by {c.actor.name}{c.note ? `: ${c.note}` : ""}</li>)}
                    </ol>
                    {can(viewer, "incident:update", incident) && ev.custody.at(-1)?.action !== "DISPOSED" ? <CustodyForm incidentId={incident.id} evidenceId={ev.id} /> : null}
                  </li>
                ))}
              </ul>
            ) : <p className="mb-4 text-sm text-slate-600">No evidence recorded yet.</p>}
            {can(viewer, "incident:update", incident) ? <EvidenceForm incidentId={incident.id} timeZone={tz} now={toDateTimeInput(new Date(), tz)} /> : null}
          </Section>

          <Section id="timeline" title="Timeline">
            <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
              {timeline.map((e) => (
                <li key={e.id} className="text-sm">
                  <p>
                    <time className="text-xs text-slate-500">{formatInstant(e.at, tz)}</time>{" "}
                    <span className="font-medium">{e.title}</span> <span className="text-slate-600">— {e.actor}</span>
                  </p>
                  {e.detail ? <p className={`text-slate-700 ${e.kind === "note" ? "whitespace-pre-wrap" : ""}`}>{e.detail}</p> : null}
                </li>
              ))}
            </ol>
          </Section>
        </div>

        <aside className="space-y-6">
          <TransitionPanel incidentId={incident.id} version={incident.version} phase={incident.phase} severity={incident.severity} unmet={unmet} canReopen={can(viewer, "incident:reopen", incident)} />
          <Section id="people" title="People">
            {editable ? <OwnerForm incidentId={incident.id} version={incident.version} ownerId={incident.owner?.id ?? null} staff={staff} /> : <p className="text-sm">Owner: {incident.owner?.name ?? "Unassigned"}</p>}
            <p className="mt-3 text-xs text-slate-500">Last change by {incident.updatedBy.name}, {formatInstant(incident.updatedAt, tz)} (version {incident.version}).</p>
          </Section>
          <Section id="notes" title="Internal notes">
            {can(viewer, "incident:update", incident) ? <NoteForm incidentId={incident.id} /> : null}
            <p className="mt-2 text-xs text-slate-500">Notes appear in the timeline. Clients never see them.</p>
          </Section>
        </aside>
      </div>
    </div>
  );
}
