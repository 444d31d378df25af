import "server-only";
import { db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { destroyIncidentKey } from "../../crypto/incident-keys";
import { Prisma } from "@/generated/prisma/client";
import { erasurePolicy, erasureVerdict, type ErasureVerdict } from "@/domain/retention/erasure";

/** Who an erasure's audit entry names: no person decides it, the client's retention term does. */
export const RETENTION_ACTOR = { id: null, label: "Retention policy" } as const;

export type EraseOutcome = "erased" | Exclude<ErasureVerdict, { erasable: true }>["reason"] | "gone";

/**
 * Erases one closed incident whose retention has run out and that no legal hold keeps: its data
 * key is destroyed (so every sealed copy of its text, audit entries included, is unreadable), its
 * child rows are deleted, and its row becomes a tombstone (reference, client, type, severity and
 * dates) with an `incident.erased` entry in the audit trail, all in one transaction. The decision
 * is taken again under the incident's row lock and a share lock on its client, so a hold set at
 * the same moment wins, and a second run (or a second worker) finds it erased and does nothing.
 */
export async function eraseIncident(incidentId: string, now: Date): Promise<EraseOutcome> {
  return db().$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<
        { clientId: string }[]
      >`SELECT "clientId" FROM "Incident" WHERE id = ${incidentId}::uuid FOR UPDATE`;
      if (!locked) return "gone";
      // a hold on the client updates its row: this waits for one being set, and holds off one until we commit
      await tx.$queryRaw`SELECT 1 FROM "Client" WHERE id = ${locked.clientId}::uuid FOR SHARE`;
      const incident = await tx.incident.findUniqueOrThrow({
        where: { id: incidentId },
        select: {
          id: true,
          organizationId: true,
          reference: true,
          phase: true,
          closedAt: true,
          erasedAt: true,
          legalHoldAt: true,
          client: {
            select: { name: true, timeZone: true, retentionYears: true, contractReference: true, legalHoldAt: true },
          },
        },
      });
      const verdict = erasureVerdict(incident, now);
      if (!verdict.erasable) return verdict.reason;
      // an erasable incident is closed (the verdict says so); narrowed here for the audit entry
      const { closedAt } = incident;
      if (!closedAt) return "NOT_CLOSED";
      const policy = erasurePolicy(incident.client);
      await destroyIncidentKey(tx, incident.id, now);
      await deleteContent(tx, incident.id);
      await tx.incident.update({
        where: { id: incident.id },
        data: {
          title: "Erased incident",
          summary: "",
          clientSummary: "",
          ownerId: null,
          occurredAt: null,
          dataCategories: [],
          dataSubjectsCount: null,
          recordsCount: null,
          jurisdictions: [],
          dataEncrypted: null,
          subjectsByJurisdiction: Prisma.DbNull,
          risk: "UNASSESSED",
          riskAssessedAt: null,
          nis2Significant: null,
          doraMajor: null,
          doraClassifiedAt: null,
          secMaterial: null,
          secDeterminedAt: null,
          erasedAt: now,
          erasurePolicy: policy,
          version: { increment: 1 },
        },
      });
      await appendAudit(tx, {
        organizationId: incident.organizationId,
        actor: RETENTION_ACTOR,
        action: "incident.erased",
        entityType: "Incident",
        entityId: incident.id,
        incidentId: incident.id,
        changes: {
          policy,
          retentionYears: incident.client.retentionYears,
          closedAt: closedAt.toISOString(),
          dueAt: verdict.dueAt.toISOString(),
        },
        at: now,
      });
      return "erased";
      // a background job: an incident with years of rows, or a busy organization's audit lock, may
      // take longer than an interactive request's default of 5 s
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Every row that holds the incident's content; the audit trail stays (it refuses deletion anyway). */
async function deleteContent(tx: Tx, incidentId: string) {
  const notices = await tx.notice.findMany({ where: { incidentId }, select: { id: true } });
  await tx.staffNotification.deleteMany({
    where: { OR: [{ incidentId }, { noticeId: { in: notices.map((n) => n.id) } }] },
  });
  // notices take their deliveries, acknowledgements, reads and messages with them (cascades);
  // obligations their revisions, filings and reminders
  await tx.notice.deleteMany({ where: { incidentId } });
  await tx.obligation.deleteMany({ where: { incidentId } });
  await tx.evidence.deleteMany({ where: { incidentId } }); // and its custody entries
  await tx.incidentNote.deleteMany({ where: { incidentId } });
  await tx.affectedAsset.deleteMany({ where: { incidentId } });
  await tx.incidentTask.deleteMany({ where: { incidentId } });
  await tx.checklistItem.deleteMany({ where: { incidentId } });
  await tx.phaseEvent.deleteMany({ where: { incidentId } });
  await tx.actionItem.deleteMany({ where: { incidentId } });
  await tx.postMortem.deleteMany({ where: { incidentId } });
}
