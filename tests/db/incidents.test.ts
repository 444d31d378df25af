import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { transitionIncident } from "@/server/services/incidents/transition-incident";
import { toggleChecklistItem } from "@/server/services/incidents/toggle-checklist-item";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { updateIncidentFacts } from "@/server/services/incidents/update-incident-facts";
import { createIncident } from "@/server/services/incidents/create-incident";
import { addEvidence } from "@/server/services/incidents/add-evidence";
import { getIncidentDetail } from "@/server/data/incident-detail";
import { listIncidents } from "@/server/data/incidents";
import { createIncidentSchema, updateFactsSchema } from "@/lib/validation/incident";
import { settleNotRequired } from "../support/settle-obligation";
import { addActionItem, completeReview, saveReview, updateActionItem } from "@/server/services/post-mortem/post-mortem";

async function completePhase(userId: string, incidentId: string) {
  const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId }, include: { checklist: true } });
  const ctx = await ctxFor(userId);
  for (const item of incident.checklist.filter((c) => c.phase === incident.phase && c.required)) {
    const r = await toggleChecklistItem(ctx, { incidentId, itemId: item.id, done: true });
    expect(r.ok).toBe(true);
  }
  return db().incident.findUniqueOrThrow({ where: { id: incidentId } });
}

describe("logging an incident", () => {
  it("numbers incidents per organization and year, starts in Identify with its checklist, and audits it", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id, new Date("2026-02-01T10:00:00Z"));
    const first = await logIncident(ctx, t.clientA.id);
    const second = await logIncident(ctx, t.clientA.id, { type: "NATURAL_DISASTER" });
    expect([first.reference, second.reference]).toEqual(["INC-2026-0001", "INC-2026-0002"]);

    const incident = await db().incident.findUniqueOrThrow({
      where: { id: second.id },
      include: { checklist: true, phaseEvents: true },
    });
    expect(incident).toMatchObject({ phase: "IDENTIFY", ownerId: t.analyst.id, reporterId: t.analyst.id, version: 1 });
    expect(incident.checklist.map((c) => c.key)).toContain("rpo-rto-recorded");
    expect(incident.phaseEvents.map((e) => e.kind)).toEqual(["OPEN"]);
    const audit = await db().auditEvent.findMany({ where: { incidentId: second.id } });
    // the moment of awareness is part of what was logged: Warden ticks that item itself
    expect(audit.map((a) => a.action)).toEqual(["incident.create", "checklist.auto_check", "obligations.recompute"]);
    expect(incident.checklist.find((c) => c.key === "awareness-recorded")).toMatchObject({ doneById: t.analyst.id });
    expect(incident.checklist.filter((c) => c.doneAt).map((c) => c.key)).toEqual(["awareness-recorded"]);
  });

  it("refuses a client the analyst does not work for, and an owner who does not work for the client", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const base = createIncidentSchema(ctx.now).parse({
      clientId: t.clientB.id,
      title: "Lost laptop",
      summary: "Left on a train.",
      type: "ACCIDENTAL_LEAK",
      severity: "LOW",
      timeZone: "UTC",
      detectedAt: "2026-01-01T10:00",
      awareAt: "2026-01-01T10:00",
    });
    expect(await createIncident(ctx, base)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { clientId: ["Choose one of your clients."] },
    });
    const managerCtx = await ctxFor(t.manager.id);
    expect(await createIncident(managerCtx, { ...base, ownerId: t.analyst.id })).toMatchObject({
      ok: false,
      fieldErrors: { ownerId: ["Choose someone who works for this client."] },
    });
    expect(await db().incident.count({ where: { organizationId: t.org.id } })).toBe(0);
  });
});

describe("tenant scope of incidents", () => {
  it("an analyst cannot load, list or change an incident of an unassigned client: it answers like a missing one", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.manager.id), t.clientB.id);
    const ctx = await ctxFor(t.analyst.id);

    expect(await getIncidentDetail(ctx.viewer, id)).toBeNull();
    expect((await listIncidents(ctx.viewer, { sort: "aware_desc", status: "all" })).rows).toEqual([]);

    const missing = await transitionIncident(ctx, {
      incidentId: "00000000-0000-4000-8000-000000000000",
      version: 1,
      kind: "ADVANCE",
    });
    const outOfScope = await transitionIncident(ctx, { incidentId: id, version: 1, kind: "ADVANCE" });
    expect(outOfScope).toEqual(missing);
    expect(outOfScope).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const item = await db().checklistItem.findFirstOrThrow({ where: { incidentId: id } });
    expect(await toggleChecklistItem(ctx, { incidentId: id, itemId: item.id, done: true })).toEqual(missing);
    expect(await addIncidentNote(ctx, { incidentId: id, body: "sneaky" })).toEqual(missing);
    expect(await db().incidentNote.count({ where: { incidentId: id } })).toBe(0);
    expect((await db().incident.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("a manager of another organization sees none of it", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    expect(await getIncidentDetail((await ctxFor(other.manager.id)).viewer, id)).toBeNull();
  });
});

describe("transitions", () => {
  it("refuses to advance with open required items, listing them, and writes nothing", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const before = await db().auditEvent.count({ where: { organizationId: t.org.id } });
    const r = await transitionIncident(ctx, { incidentId: id, version: 1, kind: "ADVANCE" });
    expect(r).toMatchObject({
      ok: false,
      code: "REFUSED",
      reasons: ["Checklist item not done: Incident confirmed and classified (type, severity)"],
    });
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id } })).toBe(before);
    expect((await db().incident.findUniqueOrThrow({ where: { id } })).phase).toBe("IDENTIFY");
  });

  it("of two concurrent transitions on the same version exactly one succeeds; the other is told who changed it", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const ready = await completePhase(t.analyst.id, id);
    const managerCtx = await ctxFor(t.manager.id);
    const results = await Promise.all([
      transitionIncident(ctx, { incidentId: id, version: ready.version, kind: "ADVANCE" }),
      transitionIncident(managerCtx, {
        incidentId: id,
        version: ready.version,
        kind: "CHANGE_SEVERITY",
        severity: "CRITICAL",
        reason: "Health data of 12k members confirmed",
      }),
    ]);
    const ok = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ code: "CONFLICT" });
    expect(conflicts[0]!.ok === false && conflicts[0]!.message).toMatch(/^Changed by .+ at .+ — reload/);
    const after = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(after.version).toBe(ready.version + 1);
  });

  it("a stale edit of the facts is refused and the newer data is kept", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    const facts = (title: string) =>
      updateFactsSchema(ctx.now).parse({
        incidentId: id,
        version: 1,
        title,
        summary: "s",
        timeZone: "UTC",
        detectedAt: "2026-01-10T09:00",
        awareAt: "2026-01-10T09:30",
      });
    expect(await updateIncidentFacts(await ctxFor(t.manager.id), facts("Manager's title"))).toMatchObject({ ok: true });
    const stale = await updateIncidentFacts(ctx, facts("Analyst's title"));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(stale.ok === false && stale.message).toContain(t.manager.name);
    expect((await db().incident.findUniqueOrThrow({ where: { id } })).title).toBe("Manager's title");
  });

  it("walks an incident to closed, recording the first entry into every phase", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    for (let i = 0; i < 6; i++) {
      const ready = await completePhase(t.analyst.id, id);
      if (ready.phase === "POST_MORTEM") {
        const ctx = await ctxFor(t.analyst.id);
        const sections = {
          summary: "s",
          rootCause: "r",
          contributingFactors: "c",
          wentWell: "w",
          wentBadly: "b",
          lessons: "l",
        };
        expect((await saveReview(ctx, { incidentId: id, version: 0, ...sections })).ok).toBe(true);
        expect(
          (await addActionItem(ctx, { incidentId: id, title: "Enforce MFA", ownerId: t.analyst.id, dueAt: null })).ok,
        ).toBe(true);
        expect((await completeReview(ctx, { incidentId: id, version: 1 })).ok).toBe(true);
      }
      if (ready.phase === "REPORT") {
        for (const o of await db().obligation.findMany({ where: { incidentId: id, active: true } })) {
          await settleNotRequired(t, o.id);
        }
      }
      const r = await transitionIncident(await ctxFor(t.analyst.id), {
        incidentId: id,
        version: ready.version,
        kind: "ADVANCE",
      });
      expect(r.ok).toBe(true);
    }
    const closed = await db().incident.findUniqueOrThrow({
      where: { id },
      include: { phaseEvents: { orderBy: { at: "asc" } } },
    });
    expect(closed).toMatchObject({ phase: "CLOSED", resolution: "RESOLVED" });
    for (const col of [
      "containStartedAt",
      "investigateStartedAt",
      "resolveStartedAt",
      "reportStartedAt",
      "postMortemStartedAt",
      "closedAt",
    ] as const) {
      expect(closed[col]).toBeInstanceOf(Date);
    }
    expect(closed.phaseEvents.map((e) => e.toPhase)).toEqual([
      "IDENTIFY",
      "CONTAIN",
      "INVESTIGATE",
      "RESOLVE",
      "REPORT",
      "POST_MORTEM",
      "CLOSED",
    ]);
    // closed incidents are frozen
    expect(await addIncidentNote(await ctxFor(t.analyst.id), { incidentId: id, body: "late note" })).toMatchObject({
      ok: true,
    });
    const item = await db().checklistItem.findFirstOrThrow({ where: { incidentId: id, doneAt: { not: null } } });
    expect(
      await toggleChecklistItem(await ctxFor(t.analyst.id), { incidentId: id, itemId: item.id, done: false }),
    ).toMatchObject({ ok: false, code: "REFUSED" });
  });

  it("evidence in the future is refused; a real item starts its custody log", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id, new Date("2026-02-01T10:00:00Z"));
    const { id } = await logIncident(ctx, t.clientA.id);
    const item = {
      incidentId: id,
      description: "Mail gateway log export",
      location: "vault://ev/1",
      sha256: "a".repeat(64),
      timeZone: "UTC",
    };
    expect(await addEvidence(ctx, { ...item, collectedAt: "2026-03-01T10:00" })).toMatchObject({
      ok: false,
      fieldErrors: { collectedAt: ["This is in the future."] },
    });
    const ok = await addEvidence(ctx, { ...item, collectedAt: "2026-01-31T10:00" });
    expect(ok.ok).toBe(true);
    const custody = await db().custodyEntry.findMany({ where: { evidence: { incidentId: id } } });
    expect(custody.map((c) => c.action)).toEqual(["COLLECTED"]);
  });
});

describe("post-incident review", () => {
  it("closing needs the review completed and every action item assigned; the excerpt is frozen", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    // walk to Post-mortem quickly (obligations settled as not required for the test)
    for (let i = 0; i < 5; i++) {
      const ready = await completePhase(t.analyst.id, id);
      if (ready.phase === "REPORT")
        for (const o of await db().obligation.findMany({ where: { incidentId: id, active: true } }))
          await settleNotRequired(t, o.id);
      expect(
        (
          await transitionIncident(await ctxFor(t.analyst.id), {
            incidentId: id,
            version: ready.version,
            kind: "ADVANCE",
          })
        ).ok,
      ).toBe(true);
    }
    const version = async () => (await db().incident.findUniqueOrThrow({ where: { id } })).version;
    await completePhase(t.analyst.id, id);
    expect(await transitionIncident(ctx, { incidentId: id, version: await version(), kind: "ADVANCE" })).toMatchObject({
      ok: false,
      reasons: ["The post-incident review is not completed."],
    });

    const sections = {
      summary: "Phishing of one agent",
      rootCause: "No phishing-resistant MFA",
      contributingFactors: "",
      wentWell: "Fast containment",
      wentBadly: "Late evidence",
      lessons: "Hardware keys",
    };
    expect((await saveReview(ctx, { incidentId: id, version: 0, ...sections })).ok).toBe(true);
    expect(await completeReview(ctx, { incidentId: id, version: 1 })).toMatchObject({
      ok: false,
      reasons: ["Empty: Contributing factors"],
    });
    expect(
      (await saveReview(ctx, { incidentId: id, version: 1, ...sections, contributingFactors: "Shared inbox" })).ok,
    ).toBe(true);
    const item = await addActionItem(ctx, {
      incidentId: id,
      title: "Roll out hardware keys",
      ownerId: null,
      dueAt: null,
    });
    expect((await completeReview(ctx, { incidentId: id, version: 2 })).ok).toBe(true);
    expect(await transitionIncident(ctx, { incidentId: id, version: await version(), kind: "ADVANCE" })).toMatchObject({
      ok: false,
      reasons: ["Action item not assigned: Roll out hardware keys"],
    });
    if (!item.ok) throw new Error(item.message);
    expect(
      (
        await updateActionItem(ctx, {
          incidentId: id,
          actionItemId: item.value.id,
          ownerId: t.manager.id,
          status: "IN_PROGRESS",
        })
      ).ok,
    ).toBe(true);
    expect((await transitionIncident(ctx, { incidentId: id, version: await version(), kind: "ADVANCE" })).ok).toBe(
      true,
    );

    const pm = await db().postMortem.findUniqueOrThrow({ where: { incidentId: id } });
    expect((pm.timelineExcerpt as Array<{ to: string }>).map((e) => e.to)).toEqual([
      "IDENTIFY",
      "CONTAIN",
      "INVESTIGATE",
      "RESOLVE",
      "REPORT",
      "POST_MORTEM",
    ]);
    // action items stay trackable after closing
    expect(
      (
        await updateActionItem(ctx, {
          incidentId: id,
          actionItemId: item.value.id,
          ownerId: t.manager.id,
          status: "DONE",
        })
      ).ok,
    ).toBe(true);
    expect((await db().actionItem.findUniqueOrThrow({ where: { id: item.value.id } })).doneAt).toBeInstanceOf(Date);
  });
});

describe("checklist items Warden knows", () => {
  async function toPostMortem(t: Awaited<ReturnType<typeof makeTenant>>, id: string) {
    const userId = t.analyst.id;
    for (let i = 0; i < 5; i++) {
      const ready = await completePhase(userId, id);
      if (ready.phase === "REPORT")
        for (const o of await db().obligation.findMany({ where: { incidentId: id, active: true } }))
          await settleNotRequired(t, o.id);
      expect(
        (await transitionIncident(await ctxFor(userId), { incidentId: id, version: ready.version, kind: "ADVANCE" }))
          .ok,
      ).toBe(true);
    }
  }

  it("the review ticks its own items as it gets there, audited as Warden's doing, and they cannot be unticked while true", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    await toPostMortem(t, id);
    const ticked = async () =>
      (
        await db().checklistItem.findMany({
          where: { incidentId: id, phase: "POST_MORTEM", doneAt: { not: null } },
          orderBy: { key: "asc" },
        })
      ).map((c) => c.key);
    expect(await ticked()).toEqual([]);

    const sections = {
      summary: "Phishing",
      rootCause: "No MFA",
      contributingFactors: "Shared inbox",
      wentWell: "Fast",
      wentBadly: "Late",
      lessons: "",
    };
    expect((await saveReview(ctx, { incidentId: id, version: 0, ...sections })).ok).toBe(true);
    expect(await ticked()).toEqual([]);
    expect((await saveReview(ctx, { incidentId: id, version: 1, ...sections, lessons: "Hardware keys" })).ok).toBe(
      true,
    );
    expect(await ticked()).toEqual(["lessons-recorded"]);

    const item = await addActionItem(ctx, {
      incidentId: id,
      title: "Roll out hardware keys",
      ownerId: null,
      dueAt: null,
    });
    if (!item.ok) throw new Error(item.message);
    expect(await ticked()).toEqual(["lessons-recorded"]);
    expect(
      (
        await updateActionItem(ctx, {
          incidentId: id,
          actionItemId: item.value.id,
          ownerId: t.manager.id,
          status: "OPEN",
        })
      ).ok,
    ).toBe(true);
    expect(await ticked()).toEqual(["actions-assigned", "lessons-recorded"]);
    expect((await completeReview(ctx, { incidentId: id, version: 2 })).ok).toBe(true);
    expect(await ticked()).toEqual(["actions-assigned", "lessons-recorded", "review-held"]);

    const audit = await db().auditEvent.findMany({
      where: { incidentId: id, action: "checklist.auto_check" },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => (a.changes as { because: string }).because)).toEqual([
      "Ticked by Warden: the moment of awareness is recorded on the incident",
      "Ticked by Warden: the review's lessons learned were written",
      "Ticked by Warden: every action item of the review has an owner",
      "Ticked by Warden: the post-incident review was completed",
    ]);
    const held = await db().checklistItem.findFirstOrThrow({ where: { incidentId: id, key: "review-held" } });
    expect(await toggleChecklistItem(ctx, { incidentId: id, itemId: held.id, done: false })).toMatchObject({
      ok: false,
      code: "REFUSED",
      message: "Warden keeps this ticked: the post-incident review was completed.",
    });
    // nobody ticked a Post-mortem item by hand, and the incident may close
    const version = (await db().incident.findUniqueOrThrow({ where: { id } })).version;
    expect((await transitionIncident(ctx, { incidentId: id, version, kind: "ADVANCE" })).ok).toBe(true);
  });

  it("an incident logged before Warden ticked what it knows catches up at its next transition", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id);
    // as incidents logged before this feature were stored
    await db().checklistItem.updateMany({
      where: { incidentId: id, key: "awareness-recorded" },
      data: { doneAt: null, doneById: null },
    });
    const confirmed = await db().checklistItem.findFirstOrThrow({
      where: { incidentId: id, key: "incident-confirmed" },
    });
    expect((await toggleChecklistItem(ctx, { incidentId: id, itemId: confirmed.id, done: true })).ok).toBe(true);
    const version = (await db().incident.findUniqueOrThrow({ where: { id } })).version;
    expect(await transitionIncident(ctx, { incidentId: id, version, kind: "ADVANCE" })).toMatchObject({
      ok: true,
      value: { phase: "CONTAIN" },
    });
    expect(
      await db().checklistItem.findFirstOrThrow({ where: { incidentId: id, key: "awareness-recorded" } }),
    ).toMatchObject({ doneById: t.analyst.id });
  });
});
