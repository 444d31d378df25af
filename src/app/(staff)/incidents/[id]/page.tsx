import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { getIncidentPageData } from "@/server/data/incident-page";
import { can } from "@/domain/access/can";
import { recordView } from "@/server/read-log";
import { IncidentHeader } from "./incident-header";
import { SectionNav, type SectionLink } from "./section-nav";
import { OverviewSection } from "./overview-section";
import { ChecklistSection } from "./checklist-section";
import { ObligationsSection } from "./obligations-section";
import { ClientQuestions } from "./client-questions";
import { AssessmentSection } from "./assessment-section";
import { TasksSection } from "./tasks-section";
import { EvidenceSection } from "./evidence-section";
import { ReviewSection, hasReview } from "./review-section";
import { TimelineSection } from "./timeline-section";
import { TransitionPanel } from "./transition-panel";
import { PeopleSection } from "./people-section";
import { NotesSection } from "./notes-section";
import { LegalHoldSection } from "./legal-hold-section";
import { ErasedIncident } from "./erased-incident";
import { getIncidentRetention } from "@/server/data/retention";
import { getIncidentOnCall } from "@/server/data/on-call";
import { OnCallSection } from "./on-call-section";

export const metadata: Metadata = { title: "Incident" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** The incident organised for work: where it stands up top, then its sections, the next move beside them. */
export default async function IncidentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireViewer("incident:read", `/incidents/${encodeURIComponent(id)}`);
  // an erased incident is only its tombstone: said plainly, before anything reads its content
  const retention = await getIncidentRetention(viewer, id, new Date());
  if (!retention) notFound();
  if (retention.erased)
    return (
      <ErasedIncident
        reference={retention.reference}
        clientName={retention.clientName}
        erasedAt={retention.erased.at}
        policy={retention.erased.policy}
        timeZone={viewer.timeZone}
      />
    );
  const data = await getIncidentPageData(viewer, id);
  if (!data) notFound();
  const { detail, staff: staffRows, obligations, questions } = data;
  const { incident, unmet, blockers, timeline } = detail;
  const tz = viewer.timeZone;
  const [onCall] = await Promise.all([
    getIncidentOnCall(viewer, incident.id, new Date()),
    // the access log: the incident with its evidence list was read (best effort, see read-log.ts)
    recordView(viewer, {
      kind: "incident.view",
      targetType: "Incident",
      targetId: incident.id,
      incidentId: incident.id,
      clientId: incident.clientId,
    }),
  ]);
  const staff = staffRows.map((s) => ({ value: s.id, label: s.name }));
  const now = new Date();
  const mayUpdate = can(viewer, "incident:update", incident);
  const editable = mayUpdate && incident.phase !== "CLOSED";
  const review = hasReview(incident);
  const sections: SectionLink[] = [
    { id: "overview", label: "Overview" },
    { id: "checklist", label: "Checklist" },
    { id: "notices", label: "Obligations and notices" },
    { id: "work", label: "Evidence and tasks" },
    ...(review ? [{ id: "review", label: "Post-incident review" }] : []),
    { id: "timeline", label: "Timeline" },
    { id: "next-step", label: "Next step" },
    { id: "people", label: "People and notes" },
    ...(retention.mayManage ? [{ id: "legal-hold", label: "Retention" }] : []),
  ];

  return (
    <div className="space-y-6">
      <IncidentHeader
        incident={incident}
        blockers={blockers}
        obligations={obligations}
        timeZone={tz}
        created={(await searchParams).created === "1"}
        mayExport={can(viewer, "report:export", incident)}
        mayReadAudit={can(viewer, "audit:read", incident)}
        openQuestions={questions.filter((q) => q.unanswered).length}
        legalHold={retention.held.incident || retention.held.client}
        mayReassign={editable}
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[11rem_minmax(0,1fr)_18rem]">
        <SectionNav sections={sections} />
        <div className="min-w-0 space-y-6">
          <OverviewSection incident={incident} timeZone={tz} editable={editable} />
          <ChecklistSection incident={incident} editable={editable} />
          <div id="notices" className="scroll-mt-16 space-y-6 lg:scroll-mt-4">
            <ObligationsSection viewer={viewer} incident={incident} obligations={obligations} timeZone={tz} now={now} />
            <ClientQuestions incidentId={incident.id} threads={questions} timeZone={tz} />
            <AssessmentSection incident={incident} regimes={detail.regimes} timeZone={tz} editable={editable} />
          </div>
          <div id="work" className="scroll-mt-16 space-y-6 lg:scroll-mt-4">
            <EvidenceSection incident={incident} timeZone={tz} mayUpdate={mayUpdate} now={now} />
            <TasksSection incident={incident} staff={staff} timeZone={tz} mayUpdate={mayUpdate} now={now} />
          </div>
          {review ? <ReviewSection viewer={viewer} incident={incident} staff={staff} timeZone={tz} now={now} /> : null}
          <TimelineSection
            incidentId={incident.id}
            timeline={timeline}
            total={detail.timelineTotal}
            timeZone={tz}
            mayReadAudit={can(viewer, "audit:read", incident)}
          />
        </div>
        <div className="min-w-0 space-y-6">
          <TransitionPanel
            incidentId={incident.id}
            version={incident.version}
            phase={incident.phase}
            severity={incident.severity}
            unmet={unmet}
            canReopen={can(viewer, "incident:reopen", incident)}
          />
          {onCall ? (
            <OnCallSection
              incidentId={incident.id}
              onCall={onCall}
              timeZone={tz}
              mayAcknowledge={
                onCall.page?.pagedUserIds.includes(viewer.userId) === true || can(viewer, "incident:assign", incident)
              }
            />
          ) : null}
          <PeopleSection incident={incident} staff={staff} editable={editable} timeZone={tz} />
          <NotesSection incidentId={incident.id} mayUpdate={mayUpdate} />
          {retention.mayManage ? <LegalHoldSection retention={retention} timeZone={tz} /> : null}
        </div>
      </div>
    </div>
  );
}
