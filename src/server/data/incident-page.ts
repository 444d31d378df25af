import "server-only";
import type { Viewer } from "@/domain/access/can";
import { getIncidentDetail } from "./incident-detail";
import { listAssignableStaff } from "./incidents";
import { listIncidentObligations } from "./obligations";
import { listClientQuestions } from "./client-questions";
import { cachedFigures } from "./figure-cache";

/**
 * What the incident page shows of an incident that does not depend on the clock: its detail
 * (every relation and the timeline), its obligations with their notices, the client's
 * questions and the people it may be assigned to. Kept per process like the dashboard's
 * figures (figure-cache.ts): reused while the organization's data is unchanged and for at most
 * a minute, so a page visited again costs no query for them; any audited change in the
 * organization (a note, a tick, a notice, the worker's recomputation) makes the next visit read
 * them afresh, and the writer's own next page sees its change (caughtUpWith). Keyed by the
 * viewer's organization, clients and zone (the scope the reads apply). The page still reads
 * live what depends on the clock or must be checked on every visit: retention and legal hold
 * (which also answers "not found" for an incident out of scope), on-call, and the access log's
 * record of the visit.
 */
export async function getIncidentPageData(viewer: Viewer, id: string) {
  const { value } = await cachedFigures(
    viewer,
    ["incident-page", id],
    async () => {
      const detail = await getIncidentDetail(viewer, id);
      if (!detail) return null;
      const [staff, obligations, questions] = await Promise.all([
        listAssignableStaff(viewer, detail.incident.clientId),
        listIncidentObligations(viewer, detail.incident.id),
        listClientQuestions(viewer, detail.incident.id),
      ]);
      return { detail, staff, obligations, questions };
    },
    { store: "incidentPages" },
  );
  return value;
}
