import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { sentContractNotice } from "../support/notice-fixture";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";
import { addCustodyEntry, addEvidence } from "@/server/services/incidents/add-evidence";
import { addAffectedAsset } from "@/server/services/incidents/add-affected-asset";
import { updateIncidentFacts } from "@/server/services/incidents/update-incident-facts";
import { postNoticeMessage } from "@/server/services/notices/portal-actions";
import { saveReview } from "@/server/services/post-mortem/post-mortem";
import { getIncidentDetail } from "@/server/data/incident-detail";
import { getIncidentReport } from "@/server/data/incident-report";
import { getPortalNotice } from "@/server/data/portal";
import { verifyAllChains } from "@/server/data/verify-audit-chain";
import { destroyIncidentKey, ERASED_TEXT } from "@/server/crypto/incident-keys";
import { rotateMasterKeys } from "@/server/crypto/rotate-master-keys";
import { decodeAuditKey } from "@/domain/audit/audit-key";

// Text a database dump must never show: every sensitive field gets a marker of its own.
const MARK = "Zq7-secret";
const mark = (what: string) => `${MARK} ${what}: Jane Roe, SSN 078-05-1120`;
const TEST_KEYS = process.env.WARDEN_MASTER_KEYS!;
const key = (id: string, fill: string) => `${id}:${Buffer.alloc(32, fill).toString("base64")}`;

afterEach(() => {
  process.env.WARDEN_MASTER_KEYS = TEST_KEYS;
});

/** An incident whose every kind of sensitive text went through the services. */
async function incidentWithEverything() {
  const t = await makeTenant();
  const analyst = await ctxFor(t.analyst.id);
  const { id } = await logIncident(analyst, t.clientA.id, {
    summary: mark("summary"),
    clientSummary: mark("client summary"),
  });
  expect((await addIncidentNote(analyst, { incidentId: id, body: mark("note") })).ok).toBe(true);
  const evidence = await addEvidence(analyst, {
    incidentId: id,
    description: mark("evidence"),
    location: "locker 4",
    sha256: "a".repeat(64),
    collectedAt: "2026-01-10T10:00",
    timeZone: "UTC",
  });
  if (!evidence.ok) throw new Error(evidence.message);
  expect(
    (
      await addCustodyEntry(analyst, {
        incidentId: id,
        evidenceId: evidence.value.id,
        action: "TRANSFERRED",
        note: mark("custody"),
      })
    ).ok,
  ).toBe(true);
  expect((await addAffectedAsset(analyst, { incidentId: id, name: mark("asset"), kind: "database" })).ok).toBe(true);
  const stored = await db().incident.findUniqueOrThrow({ where: { id } });
  const facts = await updateIncidentFacts(analyst, {
    incidentId: id,
    version: stored.version,
    title: stored.title,
    summary: mark("summary edited"),
    clientSummary: mark("client summary"),
    occurredAt: stored.occurredAt,
    detectedAt: stored.detectedAt,
    awareAt: stored.awareAt,
    dataCategories: stored.dataCategories,
    dataSubjectsCount: null,
    recordsCount: null,
    jurisdictions: stored.jurisdictions,
    dataEncrypted: stored.dataEncrypted,
  } as never);
  expect(facts.ok, facts.ok ? "" : facts.message).toBe(true);
  const noticeId = await sentContractNotice(t, id);
  expect((await postNoticeMessage(await ctxFor(t.contactA.id), { noticeId, body: mark("question") })).ok).toBe(true);
  await db().incident.update({ where: { id }, data: { phase: "POST_MORTEM" } });
  const review = await saveReview(analyst, {
    incidentId: id,
    version: 0,
    summary: mark("review"),
    rootCause: mark("root cause"),
    contributingFactors: "x",
    wentWell: "y",
    wentBadly: "z",
    lessons: mark("lessons"),
  });
  expect(review.ok, review.ok ? "" : review.message).toBe(true);
  return { t, id, noticeId };
}

/** Every row of every table as text, as a dump would show it. */
async function dumpText(): Promise<string> {
  const tables = await db().$queryRaw<
    Array<{ name: string }>
  >`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db().$queryRawUnsafe<Array<{ row: string }>>(
      `SELECT t::text AS row FROM "${name.replaceAll('"', '""')}" t`,
    );
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

describe("encryption at rest", () => {
  it("stores no sensitive text in the clear, anywhere, while every page reads it back", async () => {
    const { t, id, noticeId } = await incidentWithEverything();
    const dump = await dumpText();
    expect(dump).not.toContain(MARK);
    expect(dump).not.toContain("078-05-1120");

    const manager = await ctxFor(t.manager.id);
    const detail = (await getIncidentDetail(manager.viewer, id))!;
    expect(detail.incident.summary).toBe(mark("summary edited"));
    expect(detail.incident.clientSummary).toBe(mark("client summary"));
    expect(detail.incident.notes[0]!.body).toBe(mark("note"));
    expect(detail.incident.evidence[0]!.description).toBe(mark("evidence"));
    expect(detail.incident.evidence[0]!.custody.map((c) => c.note)).toContain(mark("custody"));
    expect(detail.incident.assets[0]!.name).toBe(mark("asset"));
    expect(detail.incident.postMortem?.rootCause).toBe(mark("root cause"));
    // the audit copy of the edited description opens for the timeline
    expect(JSON.stringify(detail.audit)).toContain(mark("summary edited"));
    const report = (await getIncidentReport(manager.viewer, id, new Date()))!;
    expect(report.summary).toBe(mark("summary edited"));
    expect(report.systems[0]).toContain(mark("asset"));
    const notice = (await getPortalNotice((await ctxFor(t.contactA.id)).viewer, noticeId))!;
    expect(JSON.stringify(notice.fields)).toContain(mark("client summary"));
  });

  it("refuses a second asset of the same name, whatever its case, though names are sealed", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const { id } = await logIncident(analyst, t.clientA.id);
    expect((await addAffectedAsset(analyst, { incidentId: id, name: "Claims DB" })).ok).toBe(true);
    const again = await addAffectedAsset(analyst, { incidentId: id, name: "claims db" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { name: ["This system is already listed."] } });
  });

  it("does not open a sealed value moved to another field (the internal description copied into the client's)", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const { id } = await logIncident(analyst, t.clientA.id, {
      summary: "internal only: attacker used admin account",
      clientSummary: "Client text",
    });
    const stored = await db().incident.findUniqueOrThrow({ where: { id } });
    await db().incident.update({ where: { id }, data: { clientSummary: stored.summary } });
    const detail = (await getIncidentDetail((await ctxFor(t.manager.id)).viewer, id))!;
    expect(detail.incident.clientSummary).not.toContain("attacker");
    expect(detail.incident.clientSummary).toMatch(/unreadable/);
  });

  it("erasing the data key makes the text unreadable everywhere, audit copies included, and the chain still verifies", async () => {
    const { t, id } = await incidentWithEverything();
    await db().$transaction((tx) => destroyIncidentKey(tx, id, new Date()));
    const detail = (await getIncidentDetail((await ctxFor(t.manager.id)).viewer, id))!;
    const shown = JSON.stringify(detail);
    expect(shown).not.toContain(MARK);
    expect(detail.incident.summary).toBe(ERASED_TEXT);
    expect(shown).toContain(ERASED_TEXT);
    const added = await addIncidentNote(await ctxFor(t.analyst.id), { incidentId: id, body: "more" });
    expect(added).toMatchObject({ ok: false, message: expect.stringMatching(/erased/) });
    const reports = await verifyAllChains(db(), decodeAuditKey(process.env.WARDEN_AUDIT_KEY!)!);
    expect(reports.find((r) => r.organizationId === t.org.id)?.broken).toBeNull();
  });

  it("rotates every data key to a new master key while writes and reads go on, then reads with the new key alone", async () => {
    const { t, id } = await incidentWithEverything();
    const analyst = await ctxFor(t.analyst.id);
    const manager = await ctxFor(t.manager.id);
    process.env.WARDEN_MASTER_KEYS = `${key("rot2", "rotation-two")},${TEST_KEYS}`;
    const traffic = (async () => {
      for (let k = 0; k < 15; k++) {
        const r = await addIncidentNote(analyst, { incidentId: id, body: `during rotation ${k}` });
        expect(r.ok).toBe(true);
        expect((await getIncidentDetail(manager.viewer, id))!.incident.summary).toBe(mark("summary edited"));
      }
    })();
    const report = await rotateMasterKeys(db(), undefined, { organizationId: t.org.id });
    await traffic;
    expect(report.rewrapped).toBeGreaterThan(0);
    expect((await db().incidentKey.findUniqueOrThrow({ where: { incidentId: id } })).masterKeyId).toBe("rot2");
    const again = await rotateMasterKeys(db(), undefined, { organizationId: t.org.id });
    expect(Object.values(again.remaining).every((n) => n === 0)).toBe(true);
    process.env.WARDEN_MASTER_KEYS = key("rot2", "rotation-two");
    const detail = (await getIncidentDetail(manager.viewer, id))!;
    expect(detail.incident.summary).toBe(mark("summary edited"));
    expect(detail.incident.notes.map((n) => n.body)).toContain("during rotation 14");
  });

  it("names a retired master key instead of failing: reads show why, writes are refused and change nothing", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const { id } = await logIncident(analyst, t.clientA.id, { summary: "kept under the old key" });
    process.env.WARDEN_MASTER_KEYS = key("fresh", "another-key");
    const detail = (await getIncidentDetail((await ctxFor(t.manager.id)).viewer, id))!;
    expect(detail.incident.summary).toMatch(/master key "dbtest1"/);
    const notes = await db().incidentNote.count({ where: { incidentId: id } });
    const r = await addIncidentNote(analyst, { incidentId: id, body: "new note" });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/WARDEN_MASTER_KEYS/) });
    expect(await db().incidentNote.count({ where: { incidentId: id } })).toBe(notes);
  });

  it("seals text stored before encryption when keys:rotate runs", async () => {
    const t = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.analyst.id), t.clientA.id);
    // as a database upgraded from a version without encryption holds it
    await db().incidentKey.deleteMany({ where: { incidentId: id } });
    await db().incident.update({ where: { id }, data: { summary: `${MARK} legacy summary` } });
    await db().incidentNote.create({ data: { incidentId: id, body: `${MARK} legacy note`, authorId: t.analyst.id } });
    const before = (await getIncidentDetail((await ctxFor(t.manager.id)).viewer, id))!;
    expect(before.incident.summary).toBe(`${MARK} legacy summary`);
    const report = await rotateMasterKeys(db(), undefined, { organizationId: t.org.id });
    expect(report.sealedIncidents).toBeGreaterThanOrEqual(1);
    const raw = await db().incident.findUniqueOrThrow({ where: { id }, include: { notes: true } });
    expect(raw.summary.startsWith("enc1:")).toBe(true);
    expect(raw.notes.every((n) => n.body.startsWith("enc1:"))).toBe(true);
    const after = (await getIncidentDetail((await ctxFor(t.manager.id)).viewer, id))!;
    expect(after.incident.summary).toBe(`${MARK} legacy summary`);
    expect(after.incident.notes.map((n) => n.body)).toContain(`${MARK} legacy note`);
  });
});
