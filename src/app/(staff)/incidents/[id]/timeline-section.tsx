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
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
        {timeline.map((e) => (
          <li key={e.id} className="break-words text-sm">
            <p>
              <time className="text-xs text-slate-500">{formatInstant(e.at, timeZone)}</time>{" "}
              <span className="font-medium">{e.title}</span> <span className="text-slate-600">— {e.actor}</span>
            </p>
            {e.detail ? (
              <p className={`text-slate-700 ${e.kind === "note" ? "whitespace-pre-wrap" : ""}`}>{e.detail}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </PageSection>
  );
}
