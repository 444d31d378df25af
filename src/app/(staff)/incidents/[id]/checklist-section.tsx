import { PHASES, PHASE_LABEL, type Phase } from "@/domain/incident/types";
import { knownItemHint } from "@/domain/incident/known-checklist";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { ChecklistGroup, type ChecklistRow } from "./checklist-toggle";
import { LazyDetails } from "@/components/ui/lazy-details";

type Incident = IncidentDetail["incident"];

/** The current phase's checklist first; the other phases folded below. Items Warden knows tick themselves. */
export function ChecklistSection({ incident, editable }: { incident: Incident; editable: boolean }) {
  const others = PHASES.filter(
    (p) => p !== "CLOSED" && p !== incident.phase && incident.checklist.some((c) => c.phase === p),
  );
  return (
    <PageSection
      id="checklist"
      title="Checklist"
      intro="Required items must be done to leave their phase. Items that say they tick themselves follow what Warden records."
    >
      {incident.phase !== "CLOSED" ? (
        <PhaseItems incident={incident} phase={incident.phase} editable={editable} current />
      ) : null}
      <LazyDetails
        className="mt-3 rounded-md border border-slate-200"
        summaryClassName="cursor-pointer px-3 py-2 text-sm font-medium"
        summary="Other phases"
        defaultOpen={incident.phase === "CLOSED"}
      >
        <div className="space-y-2 pb-2">
          {others.map((p) => (
            <PhaseItems key={p} incident={incident} phase={p} editable={editable} />
          ))}
        </div>
      </LazyDetails>
    </PageSection>
  );
}

function PhaseItems({
  incident,
  phase,
  editable,
  current,
}: {
  incident: Incident;
  phase: Phase;
  editable: boolean;
  current?: boolean;
}) {
  const items = incident.checklist
    .filter((c) => c.phase === phase)
    .map((c): ChecklistRow => {
      const hint = knownItemHint(c.key);
      return {
        id: c.id,
        label: c.label,
        done: c.doneAt !== null,
        required: c.required,
        ...(c.doneBy ? { doneBy: c.doneBy.name } : {}),
        ...(hint ? { hint } : {}),
      };
    });
  return (
    <ChecklistGroup
      incidentId={incident.id}
      legend={`${PHASE_LABEL[phase]}${current ? " (current phase)" : ""}`}
      current={current}
      items={items}
      disabled={!editable}
    />
  );
}
