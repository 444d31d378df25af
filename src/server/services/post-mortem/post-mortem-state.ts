import "server-only";
import type { Tx } from "../../db";
import type { PostMortemState } from "@/domain/incident/post-mortem";

export async function postMortemState(tx: Tx, incidentId: string): Promise<PostMortemState | undefined> {
  const [pm, items] = await Promise.all([
    tx.postMortem.findUnique({ where: { incidentId }, select: { completedAt: true } }),
    tx.actionItem.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" }, select: { title: true, ownerId: true } }),
  ]);
  if (!pm) return undefined;
  return { completed: pm.completedAt !== null, actionItems: items.map((i) => ({ title: i.title, assigned: i.ownerId !== null })) };
}
