import { formatInstant } from "@/lib/datetime";
import type { TimelineEntry } from "@/server/data/incident-detail";
import { PageSection } from "./page-section";

/** Everything that happened to the incident, oldest first. */
export function TimelineSection({ timeline, timeZone }: { timeline: readonly TimelineEntry[]; timeZone: string }) {
  return (
    <PageSection id="timeline" title="Timeline">
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
        {timeline.map((e) => (
          <li key={e.id} className="break-words text-sm">
            <p>
              <time className="text-xs text-slate-500">{formatInstant(e.at, timeZone)}</time>{" "}
              <span className="font-medium">{e.title}</span> <span className="text-slate-600">— {e.actor}</span>
            </p>
            {e.detail ? <p className={`text-slate-700 ${e.kind === "note" ? "whitespace-pre-wrap" : ""}`}>{e.detail}</p> : null}
          </li>
        ))}
      </ol>
    </PageSection>
  );
}
