import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { recordDownload, recordRead } from "@/server/read-log";
import { PEER_HEADER } from "@/server/peer-address";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { draftNotice } from "@/server/services/notices/draft-notice";

const from = (ip: string, requestId?: string) =>
  new Headers({ [PEER_HEADER]: ip, ...(requestId ? { "x-request-id": requestId } : {}) });

describe("the access log (ReadEvent)", () => {
  it("records who read what, when and from where, as one row outside the audit chain and its data version", async () => {
    const t = await makeTenant();
    const manager = await ctxFor(t.manager.id);
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const before = await db().organization.findUniqueOrThrow({
      where: { id: t.org.id },
      select: { dataVersion: true },
    });
    const audit = await db().auditEvent.count({ where: { organizationId: t.org.id } });
    const at = new Date("2026-12-01T10:00:00.000Z");

    await recordRead(
      manager.viewer,
      { kind: "report.pdf", targetType: "Incident", targetId: id, incidentId: id },
      from("203.0.113.7", "req-42"),
      at,
    );

    const rows = await db().readEvent.findMany({ where: { organizationId: t.org.id } });
    expect(rows).toEqual([
      expect.objectContaining({
        at,
        actorId: t.manager.id,
        actorLabel: t.manager.name,
        actorRole: "MANAGER",
        kind: "report.pdf",
        targetType: "Incident",
        targetId: id,
        incidentId: id,
        clientId: t.clientA.id,
        requestId: "req-42",
        ip: "203.0.113.7",
      }),
    ]);
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id } })).toBe(audit);
    expect(
      await db().organization.findUniqueOrThrow({ where: { id: t.org.id }, select: { dataVersion: true } }),
    ).toEqual(before);
  });

  it("takes a notice's incident and client from the notice, and gives a read without a request id one of its own", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    const o = await db().obligation.findUniqueOrThrow({
      where: { incidentId_ruleId: { incidentId: id, ruleId: "contract" } },
    });
    const draft = await draftNotice(await ctxFor(t.analyst.id), { obligationId: o.id });
    if (!draft.ok) throw new Error(draft.message);
    const noticeId = draft.value.id;
    const contact = await ctxFor(t.contactA.id);
    await recordRead(contact.viewer, { kind: "notice.pdf", targetType: "Notice", targetId: noticeId }, from("::1"));
    const row = await db().readEvent.findFirstOrThrow({ where: { organizationId: t.org.id, kind: "notice.pdf" } });
    expect(row).toMatchObject({
      actorRole: "CLIENT_CONTACT",
      incidentId: id,
      clientId: t.clientA.id,
      targetId: noticeId,
      ip: "::1",
    });
    expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("does not wait for the audit chain's lock: a read goes through while a writer holds it", async () => {
    const t = await makeTenant();
    const manager = await ctxFor(t.manager.id);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const writer = db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${t.org.id}`}, 0))`;
        locked();
        await held;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    const read = recordRead(
      manager.viewer,
      { kind: "export.incidents_csv", targetType: "IncidentList" },
      from("127.0.0.1"),
    );
    const outcome = await Promise.race([
      read.then(() => "recorded"),
      new Promise((r) => setTimeout(() => r("waited"), 3_000)),
    ]);
    release();
    await writer;
    expect(outcome).toBe("recorded");
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const t = await makeTenant();
    await recordRead(
      (await ctxFor(t.admin.id)).viewer,
      { kind: "export.audit_csv", targetType: "AuditLog" },
      from("127.0.0.1"),
    );
    await expect(
      db().$executeRaw`UPDATE "ReadEvent" SET kind = 'forged' WHERE "organizationId" = ${t.org.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "ReadEvent" WHERE "organizationId" = ${t.org.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRawUnsafe(`TRUNCATE "ReadEvent"`)).rejects.toThrow(/append-only/);
    expect(await db().readEvent.count({ where: { organizationId: t.org.id, kind: "export.audit_csv" } })).toBe(1);
  });

  it("a download whose read cannot be recorded is refused with a 503, and nothing is written", async () => {
    const t = await makeTenant();
    const manager = await ctxFor(t.manager.id);
    const gone = "00000000-0000-4000-8000-000000000000"; // an incident that is not there: the INSERT … SELECT finds no row
    const req = new Request("http://localhost/api/incidents/x/report", { headers: from("127.0.0.1") });
    const refused = await recordDownload(
      manager.viewer,
      { kind: "report.pdf", targetType: "Incident", targetId: gone, incidentId: gone },
      req,
    );
    expect(refused?.status).toBe(503);
    expect(await refused?.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
    const ok = await recordDownload(manager.viewer, { kind: "export.incidents_csv", targetType: "IncidentList" }, req);
    expect(ok).toBeNull();
    expect((await db().readEvent.findMany({ where: { organizationId: t.org.id } })).map((r) => r.kind)).toEqual([
      "export.incidents_csv",
    ]);
  });
});
