import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { transitionIncident } from "@/server/services/incidents/transition-incident";
import { toggleChecklistItem } from "@/server/services/incidents/toggle-checklist-item";
import {
  markObligationNotRequired,
  recordExternalFiling,
  waiveObligation,
} from "@/server/services/obligations/decide-obligation";
import { reviewObligationDecision } from "@/server/services/obligations/confirm-obligation-decision";
import { listDecisionsAwaitingConfirmation } from "@/server/data/approvals";
import { unsettledObligations } from "@/server/data/gate-facts";

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** An incident walked to Report, its obligations all still open. */
async function inReport(t: Tenant) {
  const ctx = await ctxFor(t.analyst.id);
  const { id } = await logIncident(ctx, t.clientA.id);
  for (let i = 0; i < 4; i++) {
    const incident = await db().incident.findUniqueOrThrow({ where: { id }, include: { checklist: true } });
    for (const item of incident.checklist.filter((c) => c.phase === incident.phase && c.required && !c.doneAt)) {
      expect((await toggleChecklistItem(ctx, { incidentId: id, itemId: item.id, done: true })).ok).toBe(true);
    }
    expect(
      (
        await transitionIncident(ctx, {
          incidentId: id,
          version: (await db().incident.findUniqueOrThrow({ where: { id } })).version,
          kind: "ADVANCE",
        })
      ).ok,
    ).toBe(true);
  }
  const incident = await db().incident.findUniqueOrThrow({ where: { id }, include: { checklist: true } });
  expect(incident.phase).toBe("REPORT");
  for (const item of incident.checklist.filter((c) => c.phase === "REPORT" && c.required && !c.doneAt)) {
    await toggleChecklistItem(ctx, { incidentId: id, itemId: item.id, done: true });
  }
  const obligations = await db().obligation.findMany({
    where: { incidentId: id, active: true },
    orderBy: { ruleId: "asc" },
  });
  expect(obligations.length).toBeGreaterThan(0);
  return { id, obligations };
}

const advance = async (userId: string, incidentId: string) =>
  transitionIncident(await ctxFor(userId), {
    incidentId,
    version: (await db().incident.findUniqueOrThrow({ where: { id: incidentId } })).version,
    kind: "ADVANCE",
  });

const actions = async (obligationId: string) =>
  (
    await db().auditEvent.findMany({
      where: { entityType: "Obligation", entityId: obligationId },
      orderBy: { seq: "asc" },
    })
  ).map((e) => e.action);

describe("settling an obligation without a notice takes two people", () => {
  it("a proposal keeps the Report gate closed and shows as awaiting confirmation until a manager confirms it", async () => {
    const t = await makeTenant();
    const { id, obligations } = await inReport(t);
    for (const o of obligations) {
      expect(
        await markObligationNotRequired(await ctxFor(t.analyst.id), {
          obligationId: o.id,
          reason: "Letters recovered unopened",
        }),
      ).toMatchObject({ ok: true, value: { confirmers: 2 } });
    }
    // every obligation proposed, none confirmed: still unsettled, the gate refuses
    expect(await unsettledObligations(db(), id)).toHaveLength(obligations.length);
    const refused = await advance(t.analyst.id, id);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? [] : refused.reasons).toContain(
      `Notification obligation not settled: ${obligations[0]!.citation} — ${obligations[0]!.title} (awaiting confirmation by a second person)`,
    );

    const o = await db().obligation.findUniqueOrThrow({ where: { id: obligations[0]!.id } });
    expect(o).toMatchObject({
      status: "PENDING",
      proposedStatus: "NOT_REQUIRED",
      proposedById: t.analyst.id,
      proposalReason: "Letters recovered unopened",
    });
    // the queue names who proposed and why; the approvers were told, the proposer was not
    const queue = await listDecisionsAwaitingConfirmation((await ctxFor(t.manager.id)).viewer);
    expect(queue.find((r) => r.obligationId === o.id)).toMatchObject({
      kind: "NOT_REQUIRED",
      proposedBy: t.analyst.name,
      reason: "Letters recovered unopened",
      ownProposal: false,
    });
    const told = await db().staffNotification.findMany({ where: { incidentId: id, kind: "obligation_confirmation" } });
    expect(new Set(told.map((n) => n.userId))).toEqual(new Set([t.manager.id, t.admin.id]));
    expect(told[0]!.message).toMatch(/^Confirmation needed: /);
    // another organization's manager sees none of it
    expect(await listDecisionsAwaitingConfirmation((await ctxFor((await makeTenant()).manager.id)).viewer)).toEqual([]);

    // the analyst who proposed may not confirm (no approval permission)
    expect(
      await reviewObligationDecision(await ctxFor(t.analyst.id), { obligationId: o.id, decision: "CONFIRM" }),
    ).toMatchObject({ ok: false, code: "REFUSED" });
    for (const ob of obligations) {
      expect(
        await reviewObligationDecision(await ctxFor(t.manager.id), { obligationId: ob.id, decision: "CONFIRM" }),
      ).toMatchObject({ ok: true });
    }
    const settled = await db().obligation.findUniqueOrThrow({ where: { id: o.id } });
    expect(settled).toMatchObject({
      status: "NOT_REQUIRED",
      decidedById: t.analyst.id,
      confirmedById: t.manager.id,
      proposedById: null,
      proposedStatus: null,
      decisionReason: "Letters recovered unopened",
    });
    expect(await actions(o.id)).toEqual(["obligation.propose", "obligation.not_required"]);
    expect(await db().staffNotification.count({ where: { userId: t.analyst.id, kind: "obligation_confirmed" } })).toBe(
      obligations.length,
    );
    expect((await advance(t.analyst.id, id)).ok).toBe(true);
  });

  it("the proposer cannot confirm their own proposal: refused with a clear message, the attempt audited, nothing changed", async () => {
    const t = await makeTenant();
    const { obligations } = await inReport(t);
    const o = obligations[0]!;
    expect(
      (
        await waiveObligation(await ctxFor(t.manager.id), {
          obligationId: o.id,
          reason: "Client takes it over in writing",
        })
      ).ok,
    ).toBe(true);
    const self = await reviewObligationDecision(await ctxFor(t.manager.id), {
      obligationId: o.id,
      decision: "CONFIRM",
    });
    expect(self).toEqual({
      ok: false,
      code: "REFUSED",
      message: "You proposed this decision: another person who may approve notices must confirm it (four-eyes).",
    });
    expect(await db().obligation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "PENDING",
      proposedStatus: "WAIVED",
      proposedById: t.manager.id,
    });
    expect(await actions(o.id)).toEqual(["obligation.propose", "obligation.self_confirmation_refused"]);
    // the approvers told are everyone but the proposer
    expect(
      (
        await db().staffNotification.findMany({ where: { kind: "obligation_confirmation", incidentId: o.incidentId } })
      ).map((n) => n.userId),
    ).toEqual([t.admin.id]);
    // a second proposal waits for the first to be decided
    expect(
      await markObligationNotRequired(await ctxFor(t.analyst.id), {
        obligationId: o.id,
        reason: "Another idea entirely",
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await reviewObligationDecision(await ctxFor(t.admin.id), { obligationId: o.id, decision: "CONFIRM" }),
    ).toMatchObject({ ok: true, value: { kind: "WAIVED" } });
    expect(await db().obligation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "WAIVED",
      decidedById: t.manager.id,
      confirmedById: t.admin.id,
    });
  });

  it("a rejection needs a reason and returns the obligation to pending; the proposer is told why", async () => {
    const t = await makeTenant();
    const { obligations } = await inReport(t);
    const o = obligations[0]!;
    expect(
      (await markObligationNotRequired(await ctxFor(t.analyst.id), { obligationId: o.id, reason: "Seems minor to me" }))
        .ok,
    ).toBe(true);
    expect(
      await reviewObligationDecision(await ctxFor(t.manager.id), { obligationId: o.id, decision: "REJECT" }),
    ).toMatchObject({ ok: false, fieldErrors: { reason: ["Say why the decision is rejected."] } });
    expect(await db().obligation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      proposedById: t.analyst.id,
    });
    expect(
      await reviewObligationDecision(await ctxFor(t.manager.id), {
        obligationId: o.id,
        decision: "REJECT",
        reason: "Health data: the client must be told",
      }),
    ).toMatchObject({ ok: true });
    expect(await db().obligation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "PENDING",
      proposedById: null,
      proposedStatus: null,
      proposalReason: null,
      proposedFiling: null,
      decidedById: null,
    });
    expect(await actions(o.id)).toEqual(["obligation.propose", "obligation.proposal_reject"]);
    // pending again, and no longer said to await anyone
    expect(await unsettledObligations(db(), o.incidentId)).toContain(`${o.citation} — ${o.title}`);
    const note = await db().staffNotification.findFirstOrThrow({
      where: { userId: t.analyst.id, kind: "obligation_rejected" },
    });
    expect(note.message).toContain("Health data: the client must be told");
    // decided already: a second answer finds nothing to decide
    expect(
      await reviewObligationDecision(await ctxFor(t.admin.id), { obligationId: o.id, decision: "CONFIRM" }),
    ).toMatchObject({ ok: false, code: "REFUSED", message: "Nothing awaits confirmation on this obligation." });
  });

  it("a filing made elsewhere is recorded only when confirmed, by its proposer and its confirmer, and then settles the obligation", async () => {
    const t = await makeTenant();
    const { id, obligations } = await inReport(t);
    const o = obligations[0]!;
    const filedAt = new Date(Date.now() - 3600_000);
    expect(
      (
        await recordExternalFiling(await ctxFor(t.analyst.id), {
          obligationId: o.id,
          filedBy: "CLIENT",
          filedAt,
          reference: "BfDI-2026-118",
          document: null,
        })
      ).ok,
    ).toBe(true);
    expect(await db().externalFiling.count({ where: { obligationId: o.id } })).toBe(0);
    expect(await unsettledObligations(db(), id)).toContain(
      `${o.citation} — ${o.title} (awaiting confirmation by a second person)`,
    );
    expect(
      await reviewObligationDecision(await ctxFor(t.manager.id), { obligationId: o.id, decision: "CONFIRM" }),
    ).toMatchObject({ ok: true, value: { kind: "FILED" } });
    const filing = await db().externalFiling.findFirstOrThrow({ where: { obligationId: o.id } });
    expect(filing).toMatchObject({
      reference: "BfDI-2026-118",
      filedBy: "CLIENT",
      recordedById: t.analyst.id,
      confirmedById: t.manager.id,
      filedAt,
    });
    expect(await db().obligation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "FILED",
      deliveredAt: filedAt,
      confirmedById: t.manager.id,
    });
    expect((await unsettledObligations(db(), id)).filter((l) => l.startsWith(`${o.citation} — ${o.title}`))).toEqual(
      [],
    );
  });

  it("answers not found for another organization's obligation, to proposers and confirmers alike", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const { obligations } = await inReport(t);
    const o = obligations[0]!;
    expect(
      await markObligationNotRequired(await ctxFor(other.analyst.id), {
        obligationId: o.id,
        reason: "Not mine to say",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      (await markObligationNotRequired(await ctxFor(t.analyst.id), { obligationId: o.id, reason: "Letters recovered" }))
        .ok,
    ).toBe(true);
    expect(
      await reviewObligationDecision(await ctxFor(other.manager.id), { obligationId: o.id, decision: "CONFIRM" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
