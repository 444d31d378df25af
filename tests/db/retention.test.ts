import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { auditKey } from "@/server/audit-key";
import { ERASED_TEXT, readCipher } from "@/server/crypto/incident-keys";
import { verifyOrganizationChain } from "@/server/data/verify-audit-chain";
import { getIncidentRetention, listClientHolds, listUpcomingErasures } from "@/server/data/retention";
import { eraseIncident, RETENTION_ACTOR } from "@/server/services/retention/erase-incident";
import { findErasureCandidates, runRetention } from "@/server/services/retention/run-retention";
import { setClientLegalHold, setIncidentLegalHold } from "@/server/services/retention/legal-hold";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { addCustodyEntry, addEvidence } from "@/server/services/incidents/add-evidence";
import { addAffectedAsset } from "@/server/services/incidents/add-affected-asset";
import { addIncidentTask } from "@/server/services/incidents/add-incident-task";
import { acknowledgeNotice, markNoticeRead, postNoticeMessage } from "@/server/services/notices/portal-actions";
import { updateClient } from "@/server/services/admin/clients";
import { updateClientSchema } from "@/lib/validation/client";
import { clientLegalHoldSchema, incidentLegalHoldSchema } from "@/lib/validation/legal-hold";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { sentContractNotice } from "../support/notice-fixture";

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** Moves a logged incident to Closed at `closedAt` (the lifecycle's own walk is tested elsewhere). */
async function closeAt(incidentId: string, closedAt: Date) {
  await db().incident.update({
    where: { id: incidentId },
    data: { phase: "CLOSED", phaseEnteredAt: closedAt, closedAt, resolution: "RESOLVED" },
  });
}

/** An incident of client A with something in every kind of child row, closed at `closedAt`. */
async function fullIncident(t: Tenant, closedAt: Date) {
  const analyst = await ctxFor(t.analyst.id);
  const { id } = await logIncident(analyst, t.clientA.id, { subjectsCount: "12", recordsCount: "40" });
  const ok = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  ok(await addIncidentNote(analyst, { incidentId: id, body: "Agent J. Doe clicked the link from home." }));
  const evidence = ok(
    await addEvidence(analyst, {
      incidentId: id,
      description: "Mailbox export of j.doe",
      location: "vault://ev/7",
      sha256: "b".repeat(64),
      collectedAt: "2026-01-11T10:00",
      timeZone: "UTC",
    }),
  );
  ok(
    await addCustodyEntry(analyst, {
      incidentId: id,
      evidenceId: evidence.id,
      action: "TRANSFERRED",
      note: "to Forensics Ltd",
    }),
  );
  ok(await addAffectedAsset(analyst, { incidentId: id, name: "mail-gw-02", kind: "server" }));
  ok(
    await addIncidentTask(analyst, {
      incidentId: id,
      title: "Reset the agent's password",
      ownerId: t.analyst.id,
      dueAt: null,
    }),
  );
  const noticeId = await sentContractNotice(t, id);
  const contact = await ctxFor(t.contactA.id);
  ok(await markNoticeRead(contact, { noticeId }));
  ok(await acknowledgeNotice(contact, { noticeId }));
  ok(await postNoticeMessage(contact, { noticeId, body: "Were our members' SSNs in the mailbox?" }));
  await db().postMortem.create({
    data: { incidentId: id, summary: "Phishing of one agent", rootCause: "No hardware keys" },
  });
  await db().actionItem.create({
    data: { incidentId: id, title: "Roll out hardware keys", createdById: t.manager.id },
  });
  await closeAt(id, closedAt);
  return { id, noticeId, evidenceId: evidence.id };
}

const NOW = new Date("2032-06-01T12:00:00Z");
// client A counts in America/Chicago: due at 2031-03-11 00:00 there (CDT since 9 March), 05:00 UTC
const LONG_AGO = new Date("2025-03-10T15:00:00Z");

describe("erasing an incident past its client's retention", () => {
  it("deletes its content, leaves a tombstone and an audit entry, destroys its key, and the chain still verifies", async () => {
    const t = await makeTenant();
    const { id, noticeId, evidenceId } = await fullIncident(t, LONG_AGO);
    const obligationIds = (await db().obligation.findMany({ where: { incidentId: id }, select: { id: true } })).map(
      (o) => o.id,
    );
    expect(obligationIds.length).toBeGreaterThan(0);
    expect(await db().staffNotification.count({ where: { incidentId: id } })).toBeGreaterThan(0);
    const eventsBefore = await db().auditEvent.count({ where: { organizationId: t.org.id } });
    const sealedEntry = await db().auditEvent.findFirstOrThrow({
      where: { incidentId: id, action: "evidence.create" },
    });
    const sealedDescription = String((sealedEntry.changes as Record<string, unknown>).description);
    expect(sealedDescription).toMatch(/^enc1:/); // the copy in the audit trail was sealed under the incident's key

    expect(await eraseIncident(id, NOW)).toBe("erased");

    // every child row is gone
    const where = { incidentId: id };
    const counts = {
      notes: await db().incidentNote.count({ where }),
      evidence: await db().evidence.count({ where }),
      custody: await db().custodyEntry.count({ where: { evidenceId } }),
      assets: await db().affectedAsset.count({ where }),
      tasks: await db().incidentTask.count({ where }),
      checklist: await db().checklistItem.count({ where }),
      phaseEvents: await db().phaseEvent.count({ where }),
      notices: await db().notice.count({ where }),
      deliveries: await db().noticeDelivery.count({ where: { noticeId } }),
      acknowledgements: await db().acknowledgement.count({ where: { noticeId } }),
      reads: await db().noticeRead.count({ where: { noticeId } }),
      messages: await db().noticeMessage.count({ where: { noticeId } }),
      postMortem: await db().postMortem.count({ where }),
      actionItems: await db().actionItem.count({ where }),
      obligations: await db().obligation.count({ where }),
      revisions: await db().obligationRevision.count({ where: { obligationId: { in: obligationIds } } }),
      filings: await db().externalFiling.count({ where: { obligationId: { in: obligationIds } } }),
      reminders: await db().reminderSent.count({ where: { obligationId: { in: obligationIds } } }),
      notifications: await db().staffNotification.count({ where: { OR: [{ incidentId: id }, { noticeId }] } }),
    };
    expect(Object.entries(counts).filter(([, n]) => n !== 0)).toEqual([]);

    // the tombstone keeps what identifies it, and nothing of what it was about
    const row = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      organizationId: t.org.id,
      clientId: t.clientA.id,
      type: "DATA_BREACH",
      severity: "HIGH",
      phase: "CLOSED",
      closedAt: LONG_AGO,
      title: "Erased incident",
      summary: "",
      clientSummary: "",
      ownerId: null,
      occurredAt: null,
      dataCategories: [],
      jurisdictions: [],
      dataSubjectsCount: null,
      recordsCount: null,
      subjectsByJurisdiction: null,
      erasedAt: NOW,
      erasurePolicy: `Client retention: 6 years after closing (${t.clientA.name} contract)`,
    });
    expect(row.reference).toMatch(/^INC-\d{4}-\d{4,}$/);
    expect(row.detectedAt).toEqual(new Date("2026-01-10T09:00:00Z"));
    expect(row.awareAt).toEqual(new Date("2026-01-10T09:30:00Z"));

    // the audit trail is whole, one entry longer, and says who erased what under which policy
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id } })).toBe(eventsBefore + 1);
    const erased = await db().auditEvent.findFirstOrThrow({ where: { incidentId: id, action: "incident.erased" } });
    expect(erased).toMatchObject({
      actorId: null,
      actorLabel: RETENTION_ACTOR.label,
      entityType: "Incident",
      entityId: id,
    });
    expect(erased.changes).toEqual({
      policy: row.erasurePolicy,
      retentionYears: 6,
      closedAt: LONG_AGO.toISOString(),
      dueAt: "2031-03-11T05:00:00.000Z",
    });
    const chain = await verifyOrganizationChain(db(), t.org, auditKey());
    expect(chain.broken).toBeNull();
    expect(chain.events).toBe(eventsBefore + 1);

    // the key is gone: what the audit trail kept sealed no longer opens
    expect((await db().incidentKey.findUniqueOrThrow({ where: { incidentId: id } })).destroyedAt).toEqual(NOW);
    expect((await db().auditEvent.findUniqueOrThrow({ where: { id: sealedEntry.id } })).changes).toEqual(
      sealedEntry.changes,
    );
    expect((await readCipher(db(), id)).open("audit.changes", sealedDescription)).toBe(ERASED_TEXT);
    const trail = JSON.stringify(await db().auditEvent.findMany({ where: { incidentId: id } }));
    for (const text of ["J. Doe", "j.doe", "Forensics Ltd", "mail-gw-02", "SSNs"]) expect(trail).not.toContain(text);

    // nothing may be written to it; the page and a second run see the tombstone
    const manager = await ctxFor(t.manager.id);
    expect(await addIncidentNote(manager, { incidentId: id, body: "late" })).toMatchObject({
      ok: false,
      code: "REFUSED",
      message: expect.stringContaining("was erased"),
    });
    expect(await setIncidentLegalHold(manager, { incidentId: id, mode: "set", reason: "Too late" })).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
    expect(await getIncidentRetention(manager.viewer, id, NOW)).toMatchObject({
      reference: row.reference,
      erased: { at: NOW, policy: row.erasurePolicy },
    });
    expect(await eraseIncident(id, NOW)).toBe("ALREADY_ERASED");
    expect(await findErasureCandidates(NOW, t.org.id)).toEqual([]);
  });

  it("leaves alone what is not due, not closed, or held on the incident or its client", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const notDue = (await logIncident(analyst, t.clientA.id)).id;
    await closeAt(notDue, new Date("2027-06-01T00:00:00Z")); // due 2033-06-02
    const open = (await logIncident(analyst, t.clientA.id)).id;
    const held = (await logIncident(analyst, t.clientA.id)).id;
    await closeAt(held, LONG_AGO);
    const ofHeldClient = (await logIncident(await ctxFor(t.manager.id), t.clientB.id)).id;
    await closeAt(ofHeldClient, LONG_AGO);
    const manager = await ctxFor(t.manager.id);
    expect(
      await setIncidentLegalHold(manager, { incidentId: held, mode: "set", reason: "Smith v. Acme, case 24-cv-113" }),
    ).toEqual({ ok: true, value: { held: true } });
    expect(
      await setClientLegalHold(manager, {
        clientId: t.clientB.id,
        mode: "set",
        reason: "Regulator's inquiry into Client B",
      }),
    ).toEqual({ ok: true, value: { held: true } });

    expect(await runRetention(NOW, { organizationId: t.org.id })).toEqual({
      candidates: 0,
      erased: 0,
      skipped: 0,
      failed: 0,
    });
    expect(await eraseIncident(notDue, NOW)).toBe("NOT_DUE");
    expect(await eraseIncident(open, NOW)).toBe("NOT_CLOSED");
    expect(await eraseIncident(held, NOW)).toBe("INCIDENT_HOLD");
    expect(await eraseIncident(ofHeldClient, NOW)).toBe("CLIENT_HOLD");
    expect(await db().incident.count({ where: { organizationId: t.org.id, erasedAt: { not: null } } })).toBe(0);
    expect(await db().incidentNote.count({ where: { incidentId: held } })).toBe(0); // (none were made: the rows stand untouched)
    expect((await db().incident.findUniqueOrThrow({ where: { id: held } })).title).not.toBe("Erased incident");

    // once the holds are lifted, the next run erases both
    const admin = await ctxFor(t.admin.id);
    expect((await setIncidentLegalHold(admin, { incidentId: held, mode: "lift", reason: "Case settled" })).ok).toBe(
      true,
    );
    expect(
      (await setClientLegalHold(admin, { clientId: t.clientB.id, mode: "lift", reason: "Inquiry closed" })).ok,
    ).toBe(true);
    expect(await runRetention(NOW, { organizationId: t.org.id })).toEqual({
      candidates: 2,
      erased: 2,
      skipped: 0,
      failed: 0,
    });
    expect((await db().incident.findUniqueOrThrow({ where: { id: notDue } })).erasedAt).toBeNull();
  });

  it("run twice at once, erases each incident once", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await logIncident(analyst, t.clientA.id);
      await closeAt(id, LONG_AGO);
      ids.push(id);
    }
    const [a, b] = await Promise.all([
      runRetention(NOW, { organizationId: t.org.id }),
      runRetention(NOW, { organizationId: t.org.id }),
    ]);
    expect(a.erased + b.erased).toBe(3);
    expect(a.failed + b.failed).toBe(0);
    const outcomes = await Promise.all([eraseIncident(ids[0]!, NOW), eraseIncident(ids[0]!, NOW)]);
    expect(outcomes).toEqual(["ALREADY_ERASED", "ALREADY_ERASED"]);
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "incident.erased" } })).toBe(3);
    expect((await verifyOrganizationChain(db(), t.org, auditKey())).broken).toBeNull();
  });

  it("a fresh pair racing for one due incident: one erases it, the other finds it erased", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    await closeAt(id, LONG_AGO);
    const outcomes = await Promise.all([eraseIncident(id, NOW), eraseIncident(id, NOW)]);
    expect(outcomes.sort()).toEqual(["ALREADY_ERASED", "erased"]);
    expect(await db().auditEvent.count({ where: { incidentId: id, action: "incident.erased" } })).toBe(1);
  });
});

describe("legal hold", () => {
  it("is set and lifted by a manager or an administrator with a reason, audited; an analyst is answered not found and nothing changes", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const manager = await ctxFor(t.manager.id);
    const analyst = await ctxFor(t.analyst.id);
    expect(
      incidentLegalHoldSchema
        .safeParse({ incidentId: id, mode: "set", reason: " " })
        .error?.issues.map((i) => i.path[0]),
    ).toEqual(["reason"]);
    expect(
      clientLegalHoldSchema.safeParse({ clientId: t.clientA.id, mode: "lift" }).error?.issues.map((i) => i.path[0]),
    ).toEqual(["reason"]);

    // an analyst may not set one, even on an incident of their own client
    expect(
      await setIncidentLegalHold(analyst, { incidentId: id, mode: "set", reason: "I think we should keep it" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db().incident.findUniqueOrThrow({ where: { id } })).legalHoldAt).toBeNull();

    expect(await setIncidentLegalHold(manager, { incidentId: id, mode: "set", reason: "Smith v. Acme" })).toEqual({
      ok: true,
      value: { held: true },
    });
    expect(await setIncidentLegalHold(manager, { incidentId: id, mode: "set", reason: "Again" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    const heldRow = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(heldRow).toMatchObject({ legalHoldById: t.manager.id, legalHoldReason: "Smith v. Acme" });

    // nor lift one: refused like a missing id, and the hold stands
    expect(
      await setIncidentLegalHold(analyst, { incidentId: id, mode: "lift", reason: "No longer needed" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      await setClientLegalHold(analyst, { clientId: t.clientA.id, mode: "set", reason: "Keep everything" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db().incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      legalHoldAt: heldRow.legalHoldAt,
      legalHoldReason: "Smith v. Acme",
    });
    expect((await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } })).legalHoldAt).toBeNull();

    // everyone who sees the incident sees that it is held; the reason only those who decide holds
    expect(await getIncidentRetention(analyst.viewer, id, new Date())).toMatchObject({
      held: { incident: true, client: false },
      incidentHold: null,
      mayManage: false,
    });
    expect(await getIncidentRetention(manager.viewer, id, new Date())).toMatchObject({
      held: { incident: true },
      incidentHold: { reason: "Smith v. Acme", by: t.manager.name },
      mayManage: true,
    });

    const admin = await ctxFor(t.admin.id);
    expect(await setIncidentLegalHold(admin, { incidentId: id, mode: "lift", reason: "Case settled" })).toEqual({
      ok: true,
      value: { held: false },
    });
    expect(await setIncidentLegalHold(admin, { incidentId: id, mode: "lift", reason: "Case settled" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await db().incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      legalHoldAt: null,
      legalHoldById: null,
      legalHoldReason: null,
    });
    const actions = await db().auditEvent.findMany({
      where: { incidentId: id, action: { startsWith: "incident.legal_hold" } },
      orderBy: { seq: "asc" },
    });
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ["incident.legal_hold_set", t.manager.id],
      ["incident.legal_hold_lifted", t.admin.id],
    ]);

    // a client's hold, by a manager; another organization's client is not found
    expect(
      await setClientLegalHold(manager, { clientId: t.clientA.id, mode: "set", reason: "Regulator's inquiry" }),
    ).toEqual({ ok: true, value: { held: true } });
    expect(
      await db().auditEvent.count({
        where: {
          organizationId: t.org.id,
          action: "client.legal_hold_set",
          entityId: t.clientA.id,
          actorId: t.manager.id,
        },
      }),
    ).toBe(1);
    expect(await listClientHolds(analyst.viewer)).toEqual([]); // nothing to show someone who cannot act on it
    expect((await listClientHolds(manager.viewer)).map((c) => [c.name, c.hold?.reason ?? null])).toEqual([
      [t.clientA.name, "Regulator's inquiry"],
      [t.clientB.name, null],
    ]);
    const other = await makeTenant();
    expect(
      await setClientLegalHold(manager, { clientId: other.clientA.id, mode: "set", reason: "Not ours" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      await setIncidentLegalHold(await ctxFor(other.manager.id), { incidentId: id, mode: "lift", reason: "Not ours" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the client's retention term and the 30-day preview", () => {
  it("retention years are a contract term: validated, saved, audited", async () => {
    const t = await makeTenant();
    const c = await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } });
    const form = {
      clientId: c.id,
      name: c.name,
      sector: c.sector,
      timeZone: c.timeZone,
      country: c.country,
      noticeHours: String(c.noticeHours),
    };
    for (const bad of ["0", "51", "2.5", ""])
      expect(
        updateClientSchema.safeParse({ ...form, retentionYears: bad }).error?.issues.map((i) => i.path[0]),
      ).toEqual(["retentionYears"]);
    expect(updateClientSchema.parse(form).retentionYears).toBe(6);
    expect(
      await updateClient(await ctxFor(t.admin.id), updateClientSchema.parse({ ...form, retentionYears: "10" })),
    ).toEqual({ ok: true, value: { kind: "SAVED", recomputed: 0 } });
    expect((await db().client.findUniqueOrThrow({ where: { id: c.id } })).retentionYears).toBe(10);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "client.update", entityId: c.id },
    });
    expect(audit.changes).toEqual({ retentionYears: { before: 6, after: 10 } });
  });

  it("lists what falls due within 30 days, and apart from it what a hold keeps", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const now = new Date("2032-03-01T12:00:00Z");
    const make = async (closedAt: string, clientId = t.clientA.id) => {
      const { id } = await logIncident(clientId === t.clientA.id ? analyst : await ctxFor(t.manager.id), clientId);
      await closeAt(id, new Date(closedAt));
      return id;
    };
    // client A counts in America/Chicago: closed 2026-03-10 local → due 2032-03-11 00:00 CST
    const soon = await make("2026-03-10T18:00:00Z");
    const overdue = await make("2026-02-01T18:00:00Z"); // due already: waiting for tonight's run
    await make("2026-04-15T18:00:00Z"); // due in April: not listed
    const heldOne = await make("2026-03-20T18:00:00Z");
    const ofHeldClient = await make("2026-03-05T18:00:00Z", t.clientB.id);
    const manager = await ctxFor(t.manager.id);
    expect(
      (await setIncidentLegalHold(manager, { incidentId: heldOne, mode: "set", reason: "Smith v. Acme" })).ok,
    ).toBe(true);
    expect((await setClientLegalHold(manager, { clientId: t.clientB.id, mode: "set", reason: "Inquiry" })).ok).toBe(
      true,
    );

    const admin = (await ctxFor(t.admin.id)).viewer;
    const { due, held } = await listUpcomingErasures(admin, now);
    expect(due.map((r) => r.id)).toEqual([overdue, soon]);
    expect(due[1]).toMatchObject({
      client: t.clientA.name,
      dueAt: new Date("2032-03-11T06:00:00Z"),
      hold: null,
      policy: `Client retention: 6 years after closing (${t.clientA.name} contract)`,
    });
    expect(held.map((r) => [r.id, r.hold])).toEqual([
      [ofHeldClient, "client"],
      [heldOne, "incident"],
    ]);
    // an analyst's preview holds only their clients' incidents
    const scoped = await listUpcomingErasures(analyst.viewer, now);
    expect([...scoped.due, ...scoped.held].map((r) => r.id).sort()).toEqual([overdue, soon, heldOne].sort());
  });
});
