import "server-only";
import { workingTargetOf } from "@/domain/deadlines/working-target";
import { db } from "../../db";
import { sendMail } from "../../mailer";
import { appendAudit } from "../../audit";
import { incidentHolders } from "../incidents/incident-holders";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { UNSETTLED_STATUSES, isSettled } from "@/domain/deadlines/obligation-status";
import { OPEN_PHASES } from "@/domain/incident/types";
import { reminderKindsDue } from "@/domain/deadlines/reminders";
import { Prisma } from "@/generated/prisma/client";
import { formatInstant } from "@/lib/datetime";

export type ReminderJob = { obligationId: string; kind: string };

/**
 * Obligations whose next reminder (or the overdue escalation) is due and not yet sent. The
 * database hands over only windows past their first threshold (or due), leaving out the overdue
 * ones already escalated (a deadline moved later, e.g. by new contract terms, is watched again), so a minute's scan reads a handful of rows at any size; which reminder is due
 * is the domain's call (reminderKindsDue).
 */
export async function findDueReminders(
  now: Date,
  thresholds: readonly number[],
  organizationId?: string,
): Promise<ReminderJob[]> {
  const first = thresholds.length ? Math.min(...thresholds) : 1;
  const rows = await db().$queryRaw<Array<{ id: string; startsAt: Date | null; dueAt: Date; sent: string[] }>>`
    SELECT o.id, o."startsAt", o."dueAt", ARRAY(SELECT r.kind::text FROM "ReminderSent" r WHERE r."obligationId" = o.id) AS sent
    FROM "Obligation" o JOIN "Incident" i ON i.id = o."incidentId"
    WHERE o.active AND o.status = ANY(${[...UNSETTLED_STATUSES]}::"ObligationStatus"[]) AND o."dueAt" IS NOT NULL
      AND i.phase = ANY(${[...OPEN_PHASES]}::"Phase"[])
      ${organizationId ? Prisma.sql`AND i."organizationId" = ${organizationId}::uuid` : Prisma.empty}
      AND (o."dueAt" <= ${now}::timestamp
        OR (o."startsAt" < o."dueAt" AND o."startsAt" + (o."dueAt" - o."startsAt") * ${first}::float8 <= ${now}::timestamp))
      AND NOT (o."dueAt" <= ${now}::timestamp AND EXISTS (SELECT 1 FROM "ReminderSent" x WHERE x."obligationId" = o.id AND x.kind = 'overdue'))`;
  const jobs: ReminderJob[] = [];
  for (const r of rows) {
    const sent = new Set(r.sent);
    for (const kind of reminderKindsDue(r, now, thresholds))
      if (!sent.has(kind)) jobs.push({ obligationId: r.id, kind });
  }
  return jobs;
}

/**
 * Sends one reminder: the ReminderSent row's unique key (obligation, kind) makes it once only,
 * however many workers race for it. In-app notices and the audit entry commit with it; e-mail
 * follows the commit. It reaches whoever holds the client now (incidentHolders); overdue
 * escalations also go to every manager of the organization.
 */
export async function deliverReminder(job: ReminderJob, now: Date): Promise<"sent" | "duplicate" | "gone"> {
  let recipients: Array<{ email: string; name: string }> = [];
  let subject = "";
  let text = "";
  try {
    const outcome = await db().$transaction(async (tx) => {
      const o = await tx.obligation.findUnique({
        where: { id: job.obligationId },
        include: {
          incident: {
            select: {
              id: true,
              reference: true,
              title: true,
              organizationId: true,
              clientId: true,
              ownerId: true,
              reporterId: true,
              phase: true,
              client: { select: { timeZone: true } },
            },
          },
        },
      });
      if (!o || !o.active || isSettled(o.status) || !o.dueAt) return "gone" as const;
      await tx.reminderSent.create({ data: { obligationId: o.id, kind: job.kind, sentAt: now } });
      const overdue = job.kind === "overdue";
      const people = await incidentHolders(tx, o.incident, { managers: overdue });
      // a law that fixes no time: the due time is a working target, and the reminder says so
      const target = workingTargetOf(o.basis);
      const due = `${formatInstant(o.dueAt, o.incident.client.timeZone)}${target ? ` (working target from the ${target}; no time fixed by law)` : ""}`;
      const message = overdue
        ? `Overdue: ${o.citation} notice for ${o.incident.reference} was due ${due}`
        : `${job.kind} of the time used: ${o.citation} notice for ${o.incident.reference} is due ${due}`;
      await tx.staffNotification.createMany({
        data: people.map((p) => ({
          userId: p.id,
          incidentId: o.incident.id,
          kind: overdue ? "escalation" : "reminder",
          message,
          createdAt: now,
        })),
      });
      await appendAudit(tx, {
        organizationId: o.incident.organizationId,
        actor: { id: null, label: "Warden reminders" },
        action: overdue ? "obligation.escalate" : "obligation.remind",
        entityType: "Obligation",
        entityId: o.id,
        incidentId: o.incident.id,
        changes: { kind: job.kind, ruleId: o.ruleId, recipients: people.map((p) => p.id) },
        at: now,
      });
      if (overdue)
        await emitWebhookEvent(tx, {
          organizationId: o.incident.organizationId,
          event: "obligation.overdue",
          payload: {
            obligationId: o.id,
            ruleId: o.ruleId,
            incidentId: o.incident.id,
            reference: o.incident.reference,
            clientId: o.incident.clientId,
            phase: o.incident.phase,
            dueAt: o.dueAt.toISOString(),
            escalatedAt: now.toISOString(),
          },
          at: now,
        });
      recipients = people;
      subject = `[Warden] ${message}`;
      text = `${message}.\n\n${o.title} (${o.citation}), to ${o.recipient}.\nIncident: ${o.incident.reference} ${o.incident.title}\n\nOpen Warden to draft, send or record it.`;
      return "sent" as const;
    });
    if (outcome !== "sent") return outcome;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate";
    throw error;
  }
  for (const r of recipients) await sendMail({ to: r.email, subject, text });
  return "sent";
}
