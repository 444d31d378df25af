import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { transitionIncident } from "@/server/services/incidents/transition-incident";
import { toggleChecklistItem } from "@/server/services/incidents/toggle-checklist-item";
import { markObligationNotRequired, recordExternalFiling } from "@/server/services/obligations/decide-obligation";
import { unsettledObligations } from "@/server/data/gate-facts";
import { getIncidentDetail, TIMELINE_SHOWN } from "@/server/data/incident-detail";
import { listIncidentObligations } from "@/server/data/obligations";
import { incidentWhere } from "@/server/data/scope";
import type { Viewer } from "@/domain/access/can";

// The incident page reads its data in raw SQL (one statement per read, JSON for the relations);
// these hold those reads to what the ORM and the lifecycle's gates read for the same rows.

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** An incident walked to Report, its obligations still open. */
async function inReport(t: Tenant) {
  const ctx = await ctxFor(t.analyst.id);
  const { id } = await logIncident(ctx, t.clientA.id);
  for (let i = 0; i < 4; i++) {
    const incident = await db().incident.findUniqueOrThrow({ where: { id }, include: { checklist: true } });
    for (const item of incident.checklist.filter((c) => c.phase === incident.phase && c.required && !c.doneAt)) {
      expect((await toggleChecklistItem(ctx, { incidentId: id, itemId: item.id, done: true })).ok).toBe(true);
    }
    const { version } = await db().incident.findUniqueOrThrow({ where: { id } });
    expect((await transitionIncident(ctx, { incidentId: id, version, kind: "ADVANCE" })).ok).toBe(true);
  }
  const obligations = await db().obligation.findMany({
    where: { incidentId: id, active: true },
    orderBy: { ruleId: "asc" },
  });
  expect(obligations.length).toBeGreaterThan(1);
  return { id, obligations };
}

/** The page's obligations as the ORM read them (the reference the SQL read must match). */
const ormObligations = (viewer: Viewer, incidentId: string) =>
  db().obligation.findMany({
    where: { incidentId, incident: incidentWhere(viewer) },
    orderBy: [{ active: "desc" }, { dueAt: { sort: "asc", nulls: "last" } }, { ruleId: "asc" }],
    include: {
      decidedBy: { select: { name: true } },
      proposedBy: { select: { name: true } },
      confirmedBy: { select: { name: true } },
      filings: {
        orderBy: { filedAt: "asc" },
        include: { recordedBy: { select: { name: true } }, confirmedBy: { select: { name: true } } },
      },
      notices: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          sentAt: true,
          approvedAt: true,
          contentHash: true,
          approvedBy: { select: { name: true } },
          acknowledgements: { orderBy: { at: "asc" }, select: { at: true, user: { select: { name: true } } } },
          _count: { select: { messages: true } },
        },
      },
      _count: { select: { revisions: true } },
    },
  });

describe("the incident page's reads", () => {
  it("name the same unsettled obligations as the Report gate, proposals marked as awaiting confirmation", async () => {
    const t = await makeTenant();
    const { id, obligations } = await inReport(t);
    expect(
      (
        await markObligationNotRequired(await ctxFor(t.analyst.id), {
          obligationId: obligations[0]?.id ?? "",
          reason: "Letters recovered unopened",
        })
      ).ok,
    ).toBe(true);
    const labels = await unsettledObligations(db(), id);
    expect(labels.some((l) => l.endsWith("(awaiting confirmation by a second person)"))).toBe(true);
    const detail = await getIncidentDetail((await ctxFor(t.manager.id)).viewer, id);
    expect(detail?.unmet).toEqual(
      expect.arrayContaining(labels.map((l) => `Notification obligation not settled: ${l}`)),
    );
    expect(detail?.unmet.filter((u) => u.startsWith("Notification obligation"))).toHaveLength(labels.length);
  });

  it("return the obligations with their decisions, filings, notices and acknowledgements exactly as the ORM reads them, and none out of scope", async () => {
    const t = await makeTenant();
    const { id, obligations } = await inReport(t);
    const [first, second] = obligations;
    if (!first || !second) throw new Error("two obligations expected");
    const filedAt = new Date("2026-03-02T10:15:00.123Z");
    // a filing proposed (awaiting a second person: the obligation carries it) on one, and one recorded and confirmed on the other
    expect(
      (
        await recordExternalFiling(await ctxFor(t.analyst.id), {
          obligationId: second.id,
          filedBy: "CLIENT",
          filedAt,
          reference: "BfDI-2026-117",
          document: null,
        })
      ).ok,
    ).toBe(true);
    await db().externalFiling.create({
      data: {
        obligationId: first.id,
        filedBy: "CLIENT",
        filedAt,
        reference: "BfDI-2026-118",
        document: "receipt.pdf",
        recordedById: t.analyst.id,
        confirmedById: t.manager.id,
        confirmedAt: new Date("2026-03-02T10:20:00Z"),
      },
    });
    const notice = await db().notice.create({
      data: {
        obligationId: second.id,
        incidentId: id,
        clientId: t.clientA.id,
        subject: "Notice",
        fields: {},
        status: "SENT",
        draftedById: t.analyst.id,
        approvedById: t.manager.id,
        approvedAt: new Date("2026-03-02T11:00:00Z"),
        sentAt: new Date("2026-03-02T11:05:00.5Z"),
        contentHash: "a".repeat(64),
      },
    });
    await db().acknowledgement.create({
      data: { noticeId: notice.id, userId: t.contactA.id, at: new Date("2026-03-02T12:00:00Z") },
    });
    await db().noticeMessage.create({
      data: {
        noticeId: notice.id,
        authorId: t.contactA.id,
        body: "A question",
        createdAt: new Date("2026-03-02T12:30:00Z"),
      },
    });

    const viewer = (await ctxFor(t.manager.id)).viewer;
    const read = await listIncidentObligations(viewer, id);
    expect(read).toEqual(await ormObligations(viewer, id));
    const filed = read.find((o) => o.id === first.id);
    expect(filed?.filings[0]).toMatchObject({
      filedAt,
      reference: "BfDI-2026-118",
      recordedBy: { name: t.analyst.name },
      confirmedBy: { name: t.manager.name },
    });
    const noticed = read.find((o) => o.id === second.id);
    expect(noticed?.proposedFiling).toMatchObject({ reference: "BfDI-2026-117" });
    expect(noticed?.proposedBy).toEqual({ name: t.analyst.name });
    expect(noticed?.notices[0]).toMatchObject({
      status: "SENT",
      sentAt: new Date("2026-03-02T11:05:00.5Z"),
      acknowledgements: [{ user: { name: t.contactA.name } }],
      _count: { messages: 1 },
    });

    const other = await makeTenant();
    expect(await listIncidentObligations((await ctxFor(other.manager.id)).viewer, id)).toEqual([]);
  });

  it(`show the latest ${TIMELINE_SHOWN} timeline entries and count them all`, async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const start = Date.now() + 60_000;
    await db().incidentNote.createMany({
      data: Array.from({ length: TIMELINE_SHOWN + 5 }, (_, i) => ({
        incidentId: id,
        authorId: t.analyst.id,
        body: `note ${i}`,
        createdAt: new Date(start + i * 1000),
      })),
    });
    const detail = await getIncidentDetail((await ctxFor(t.manager.id)).viewer, id);
    expect(detail?.timeline).toHaveLength(TIMELINE_SHOWN);
    expect(detail?.timelineTotal).toBeGreaterThanOrEqual(TIMELINE_SHOWN + 5 + 1);
    // the newest last, the oldest notes left out
    expect(detail?.timeline.at(-1)?.detail).toBe(`note ${TIMELINE_SHOWN + 4}`);
    expect(detail?.timeline.map((e) => e.detail)).not.toContain("note 4");
    expect(detail?.timeline[0]?.detail).toBe("note 5");
  });
});
