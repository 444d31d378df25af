import { PHASES, PHASE_LABEL } from "@/domain/incident/types";
import { knownItemHint } from "@/domain/incident/known-checklist";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { ChecklistToggle } from "./checklist-toggle";

/** Every phase's checklist, the current phase marked; items Warden knows tick themselves. */
export function ChecklistSection({ incident, editable }: { incident: IncidentDetail["incident"]; editable: boolean }) {
  return (
    <PageSection id="checklist" title="Checklist" intro="Required items must be done to leave their phase. Items marked “ticks itself” follow what Warden records.">
      <div className="space-y-4">
        {PHASES.filter((p) => p !== "CLOSED").map((p) => {
          const items = incident.checklist.filter((c) => c.phase === p);
          if (!items.length) return null;
          return (
            <fieldset key={p} className={p === incident.phase ? "rounded-md bg-brand-50 p-3" : "p-3"}>
              <legend className="text-sm font-semibold">{PHASE_LABEL[p]}{p === incident.phase ? " (current phase)" : ""}</legend>
              {items.map((c) => (
                <ChecklistToggle
                  key={c.id}
                  incidentId={incident.id}
                  itemId={c.id}
                  label={c.label}
                  done={c.doneAt !== null}
                  required={c.required}
                  doneBy={c.doneBy?.name ?? null}
                  hint={knownItemHint(c.key)}
                  disabled={!editable}
                />
              ))}
            </fieldset>
          );
        })}
      </div>
    </PageSection>
  );
}
