import "server-only";
import type { Viewer } from "@/domain/access/can";
import { listDecisionsAwaitingConfirmation, listNoticesAwaitingApproval } from "./approvals";
import { cachedFigures } from "./figure-cache";

/**
 * The dashboard's two queues for approvers (notices awaiting approval, decisions awaiting
 * confirmation), kept like its figures: until the organization's data changes (a notice
 * submitted, approved or returned, a proposal made or confirmed, a title or name edited are all
 * audited changes) and at most a minute. Read on every request, they were the only SQL of a
 * dashboard whose figures were kept. Keyed by the viewer too: each row says whether it is the
 * viewer's own draft or proposal.
 */
export async function dashboardQueues(viewer: Viewer) {
  const { value } = await cachedFigures(viewer, ["dashboard-queues", viewer.userId], async () => {
    const [approvals, decisions] = await Promise.all([
      listNoticesAwaitingApproval(viewer),
      listDecisionsAwaitingConfirmation(viewer),
    ]);
    return { approvals, decisions };
  });
  return value;
}
