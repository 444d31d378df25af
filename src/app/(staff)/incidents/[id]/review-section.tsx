import type { Viewer } from "@/domain/access/can";
import { can } from "@/domain/access/can";
import { REVIEW_SECTIONS } from "@/domain/incident/post-mortem";
import { formatInstant } from "@/lib/datetime";
import type { IncidentDetail } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { ActionItemForm, ActionItemRow, ReviewForm } from "./post-mortem-forms";

type Option = { value: string; label: string };

/** Is there a review to show (or write) on this incident? */
export function hasReview(incident: IncidentDetail["incident"]): boolean {
  return incident.phase === "POST_MORTEM" || !!incident.postMortem || incident.actionItems.length > 0;
}

/** The post-incident review and its action items, written in Post-mortem, tracked after closing. */
export function ReviewSection({
  viewer,
  incident,
  staff,
  timeZone: tz,
  now,
}: {
  viewer: Viewer;
  incident: IncidentDetail["incident"];
  staff: Option[];
  timeZone: string;
  now: Date;
}) {
  const mayRun = can(viewer, "postmortem:run", incident);
  const pm = incident.postMortem;
  return (
    <PageSection id="review" title="Post-incident review">
      {pm?.completedAt ? (
        <p className="mb-3 text-sm text-emerald-800">
          Completed by {pm.completedBy?.name}, {formatInstant(pm.completedAt, tz)}.
        </p>
      ) : null}
      {incident.phase === "POST_MORTEM" && mayRun ? (
        <ReviewForm
          incidentId={incident.id}
          version={pm?.version ?? 0}
          completed={!!pm?.completedAt}
          values={Object.fromEntries(REVIEW_SECTIONS.map((s) => [s.key, pm?.[s.key] ?? ""]))}
        />
      ) : pm ? (
        <dl className="space-y-2 text-sm">
          {REVIEW_SECTIONS.map((s) => (
            <div key={s.key}>
              <dt className="term">{s.label}</dt>
              <dd className="whitespace-pre-wrap break-words">{pm[s.key] || "—"}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <h3 className="mb-2 mt-5 text-sm font-semibold">Action items</h3>
      {incident.actionItems.length ? (
        <ul className="mb-4 space-y-3">
          {incident.actionItems.map((a) => (
            <li key={`${a.id}-${a.status}-${a.ownerId}`} className="rounded-md border border-slate-200 p-3">
              {mayRun ? (
                <ActionItemRow
                  incidentId={incident.id}
                  id={a.id}
                  title={a.title}
                  ownerId={a.owner?.id ?? null}
                  status={a.status}
                  staff={staff}
                />
              ) : (
                <p className="text-sm">
                  {a.title} — {a.owner?.name ?? "Unassigned"} — {a.status.toLowerCase()}
                </p>
              )}
              <p className="mt-1 text-xs text-slate-500">
                {a.dueAt ? `Due ${formatInstant(a.dueAt, tz)}` : "No due date"}
                {a.status !== "DONE" && a.dueAt && a.dueAt < now ? (
                  <strong className="ml-1 text-red-700">overdue</strong>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-slate-600">No action items yet.</p>
      )}
      {mayRun && ["POST_MORTEM", "CLOSED"].includes(incident.phase) ? (
        <ActionItemForm incidentId={incident.id} staff={staff} timeZone={tz} />
      ) : null}
    </PageSection>
  );
}
