import { formatInstant } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { TaskForm, TaskToggle } from "./record-forms";
import { LazyDetails } from "@/components/ui/lazy-details";

type Option = { value: string; label: string };

/** Work to do on the incident, open first; anyone who may change the incident adds and ticks tasks. */
export function TasksSection({
  incident,
  staff,
  timeZone,
  mayUpdate,
  now,
}: {
  incident: IncidentDetail["incident"];
  staff: Option[];
  timeZone: string;
  mayUpdate: boolean;
  now: Date;
}) {
  return (
    <PageSection id="tasks" title="Tasks">
      {incident.tasks.length ? (
        <ul className="mb-4 divide-y divide-slate-100">
          {incident.tasks.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <TaskToggle
                key={`${t.id}-${t.doneAt?.getTime() ?? 0}`}
                incidentId={incident.id}
                taskId={t.id}
                title={t.title}
                done={t.doneAt !== null}
              />
              <span className="text-xs text-slate-500">
                {t.owner?.name ?? "Unassigned"}
                {t.dueAt ? ` · due ${formatInstant(t.dueAt, timeZone)}` : ""}
                {!t.doneAt && t.dueAt && t.dueAt < now ? <strong className="ml-1 text-red-700">overdue</strong> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-slate-600">No tasks yet.</p>
      )}
      {mayUpdate ? (
        <LazyDetails summary="Add a task">
          <TaskForm incidentId={incident.id} staff={staff} timeZone={timeZone} />
        </LazyDetails>
      ) : null}
    </PageSection>
  );
}
