import { formatInstant } from "@/lib/datetime";
import type { TimelineEntry } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";

/**
 * What happened to the incident, oldest first: its latest entries when there are more than the
 * page shows (`total` counts them all), with the way to the whole trail.
 */
export function TimelineSection({
  incidentId,
  timeline,
  total,
  timeZone,
  mayReadAudit,
}: {
  incidentId: string;
  timeline: readonly TimelineEntry[];
  total: number;
  timeZone: string;
  mayReadAudit: boolean;
}) {
  const earlier = total - timeline.length;
  return (
    <PageSection id="timeline" title="Timeline">
      {earlier > 0 ? (
        <p className="mb-3 text-sm text-slate-600">
          Showing the latest {timeline.length.toLocaleString("en-US")} of {total.toLocaleString("en-US")} entries.{" "}
          {mayReadAudit ? (
            <>
              The earlier {earlier === 1 ? "entry is" : `${earlier.toLocaleString("en-US")} entries are`} in the{" "}
              <a href={`/api/incidents/${incidentId}/audit`} className="text-brand-700 underline">
                incident&apos;s audit export
              </a>
              .
            </>
          ) : (
            "Someone who may read the audit trail can download the earlier ones."
          )}
        </p>
      ) : null}
      <ol className="timeline">
        {timeline.map((e) => (
          <li key={e.id}>
            <p>
              <time>{formatInstant(e.at, timeZone)}</time> <strong>{e.title}</strong> <span>{`— ${e.actor}`}</span>
            </p>
            {e.detail ? <p className={e.kind === "note" ? "detail note" : "detail"}>{e.detail}</p> : null}
          </li>
        ))}
      </ol>
    </PageSection>
  );
}
