import "server-only";
import { afterCommit, db, type Tx } from "../../db";
import { appendAudit } from "../../audit";
import { mailConfigured, sendMail } from "../../mailer";
import { log, describeError } from "../../log";
import { onCallNow } from "../../data/on-call";
import { Prisma } from "@/generated/prisma/client";

// Paging: a new high or critical incident (or one raised to high or critical) pages whoever is
// on call for its client, in the app and by e-mail. Unacknowledged after the rota's minutes,
// the page escalates to the secondary, then to the organization's managers. The page is one
// row per incident; each escalation is a conditional update of its (status, level), so of any
// number of workers racing for it exactly one escalates (see escalatePage).

export const URGENT_SEVERITIES: ReadonlySet<string> = new Set(["HIGH", "CRITICAL"]);
export const MANAGERS_LEVEL = 2;
const PAGER = { id: null, label: "Warden on call" } as const;

type IncidentFacts = { id: string; organizationId: string; clientId: string; reference: string; severity: string };
type Person = { id: string; name: string; email: string };

const LEVEL_WORDS = ["on-call analyst", "secondary", "managers"] as const;

/** Those of `ids` who may open the client's incidents now (a page names the incident). */
async function people(tx: Tx, incident: IncidentFacts, ids: string[]): Promise<Person[]> {
  if (!ids.length) return [];
  return tx.user.findMany({
    where: {
      organizationId: incident.organizationId,
      active: true,
      id: { in: ids },
      OR: [
        { role: { in: ["ADMIN", "MANAGER"] } },
        { role: "ANALYST", assignments: { some: { clientId: incident.clientId } } },
      ],
    },
    select: { id: true, name: true, email: true },
  });
}

/** The organization's active managers (administrators when it has none). */
async function managers(tx: Tx, organizationId: string): Promise<Person[]> {
  const select = { id: true, name: true, email: true } as const;
  const found = await tx.user.findMany({ where: { organizationId, active: true, role: "MANAGER" }, select });
  return found.length ? found : tx.user.findMany({ where: { organizationId, active: true, role: "ADMIN" }, select });
}

function message(incident: IncidentFacts, level: number): string {
  const lead = level === 0 ? "Paged" : `Escalated to the ${LEVEL_WORDS[level] ?? "managers"}`;
  return `${lead}: ${incident.severity.toLowerCase()} incident ${incident.reference} needs an on-call response; acknowledge it on the incident page`;
}

async function notify(tx: Tx, incident: IncidentFacts, level: number, to: Person[], now: Date) {
  if (!to.length) return;
  await tx.staffNotification.createMany({
    data: to.map((p) => ({
      userId: p.id,
      incidentId: incident.id,
      kind: "page",
      message: message(incident, level),
      createdAt: now,
    })),
  });
}

/** E-mail after the page's transaction commits (never for a page rolled back). */
function mailAfterCommit(tx: Tx, key: string, incident: IncidentFacts, level: number, to: Person[]) {
  const work = async () => {
    const subject = `[Warden] ${message(incident, level)}`;
    const text = `${message(incident, level)}.\n\nOpen Warden, go to incident ${incident.reference} and press "Acknowledge" so that nobody else is paged.`;
    for (const p of to) {
      const sent = await sendMail({ to: p.email, subject, text }).catch((error: unknown) => {
        log.error("oncall.mail_failed", { incidentId: incident.id, ...describeError(error) });
        return null;
      });
      // without an SMTP server the page is in-app only (the mailer says so once per send, not as a fault)
      if (sent && !sent.ok && mailConfigured())
        log.warn("oncall.mail_failed", { incidentId: incident.id, pageLevel: level });
    }
  };
  // outside db()'s transactions (a script's client), sent at once: the caller commits right after
  if (!afterCommit(tx, key, work)) void work();
}

/**
 * Pages the on-call analyst for an incident that is (now) high or critical, once per incident.
 * Call inside the transaction that creates the incident or raises its severity. Without a rota
 * for the client nothing is paged; a rota with nobody on call now pages the managers at once.
 * Returns the page's id, or null when nothing was paged (not urgent, no rota, or paged before).
 */
export async function pageOnCall(
  tx: Tx,
  incident: IncidentFacts,
  reason: "created" | "severity_raised",
  now: Date,
): Promise<string | null> {
  if (!URGENT_SEVERITIES.has(incident.severity)) return null;
  const onCall = await onCallNow(tx, { organizationId: incident.organizationId, clientId: incident.clientId }, now);
  // an organization without a rota for the client has nobody on standby: nothing to page
  if (!onCall) return null;
  const minutes = onCall.escalateAfterMinutes;
  const primary = onCall.primary ? await people(tx, incident, [onCall.primary.id]) : [];
  const level = primary.length ? 0 : MANAGERS_LEVEL;
  const to = level === 0 ? primary : await managers(tx, incident.organizationId);
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "OnCallPage" (id, "organizationId", "incidentId", "rotaId", status, level, "pagedUserIds", "escalateAfterMinutes", "pagedAt", "escalateAt")
    VALUES (gen_random_uuid(), ${incident.organizationId}::uuid, ${incident.id}::uuid, ${onCall.rotaId}::uuid, 'OPEN', ${level},
      ${to.map((p) => p.id)}::uuid[], ${minutes}, ${now}::timestamp,
      ${level < MANAGERS_LEVEL ? new Date(now.getTime() + minutes * 60_000) : null}::timestamp)
    ON CONFLICT ("incidentId") DO NOTHING
    RETURNING id`;
  if (!row) return null;
  await notify(tx, incident, level, to, now);
  await appendAudit(tx, {
    organizationId: incident.organizationId,
    actor: PAGER,
    action: "oncall.page",
    entityType: "OnCallPage",
    entityId: row.id,
    incidentId: incident.id,
    changes: {
      reason,
      severity: incident.severity,
      level: LEVEL_WORDS[level],
      rota: onCall.rotaName,
      paged: to.map((p) => p.id),
      escalateAfterMinutes: level < MANAGERS_LEVEL ? minutes : null,
    },
    at: now,
  });
  mailAfterCommit(tx, `oncall:page:${row.id}`, incident, level, to);
  return row.id;
}

export type EscalationJob = { pageId: string; level: number };

/** Pages whose current level is due to escalate. */
export async function findDueEscalations(now: Date, organizationId?: string): Promise<EscalationJob[]> {
  const rows = await db().$queryRaw<Array<{ id: string; level: number }>>`
    SELECT id, level FROM "OnCallPage"
    WHERE status = 'OPEN' AND "escalateAt" <= ${now}::timestamp
      ${organizationId ? Prisma.sql`AND "organizationId" = ${organizationId}::uuid` : Prisma.empty}
    ORDER BY "escalateAt" LIMIT 200`;
  return rows.map((r) => ({ pageId: r.id, level: r.level }));
}

/**
 * Moves an unacknowledged page on from `job.level`: to the secondary (when there is one not
 * paged yet), else to the managers. The conditional update on (status OPEN, level, due) is the
 * claim: a worker that lost the race, or a job for a page acknowledged meanwhile, changes
 * nothing and says "stale".
 */
export async function escalatePage(job: EscalationJob, now: Date): Promise<"escalated" | "stale"> {
  return db().$transaction(async (tx) => {
    const page = await tx.onCallPage.findUnique({ where: { id: job.pageId } });
    if (!page || page.status !== "OPEN" || page.level !== job.level || !page.escalateAt || page.escalateAt > now)
      return "stale" as const;
    const incident = await tx.incident.findUnique({
      where: { id: page.incidentId },
      select: { id: true, organizationId: true, clientId: true, reference: true, severity: true },
    });
    if (!incident) return "stale" as const;
    let level = MANAGERS_LEVEL;
    let to: Person[] = [];
    if (job.level === 0) {
      const onCall = await onCallNow(tx, { organizationId: incident.organizationId, clientId: incident.clientId }, now);
      const secondary = onCall?.secondary && !page.pagedUserIds.includes(onCall.secondary.id) ? onCall.secondary : null;
      to = secondary ? await people(tx, incident, [secondary.id]) : [];
      if (to.length) level = 1;
    }
    if (level === MANAGERS_LEVEL) to = await managers(tx, incident.organizationId);
    const claimed = await tx.onCallPage.updateMany({
      where: { id: page.id, status: "OPEN", level: job.level, escalateAt: { lte: now } },
      data: {
        level,
        pagedUserIds: [...new Set([...page.pagedUserIds, ...to.map((p) => p.id)])],
        escalateAt: level < MANAGERS_LEVEL ? new Date(now.getTime() + page.escalateAfterMinutes * 60_000) : null,
      },
    });
    if (claimed.count !== 1) return "stale" as const;
    await notify(tx, incident, level, to, now);
    await appendAudit(tx, {
      organizationId: incident.organizationId,
      actor: PAGER,
      action: "oncall.escalate",
      entityType: "OnCallPage",
      entityId: page.id,
      incidentId: incident.id,
      changes: {
        from: LEVEL_WORDS[job.level] ?? null,
        to: LEVEL_WORDS[level],
        paged: to.map((p) => p.id),
        unacknowledgedMinutes: Math.round((now.getTime() - page.pagedAt.getTime()) / 60_000),
      },
      at: now,
    });
    mailAfterCommit(tx, `oncall:escalate:${page.id}:${level}`, incident, level, to);
    return "escalated" as const;
  });
}
