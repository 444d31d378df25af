import { formatInstant } from "@/lib/datetime";
import type { TimelineEntry } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";
import { TimelineList, type TimelineRow } from "./timeline-list";

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
      <TimelineList
        rows={timeline.map((e): TimelineRow => ({
          id: e.id,
          at: formatInstant(e.at, timeZone),
          title: e.title,
          actor: e.actor,
          ...(e.detail ? { detail: e.detail } : {}),
          ...(e.kind === "note" ? { note: true } : {}),
        }))}
      />
    </PageSection>
  );
}
