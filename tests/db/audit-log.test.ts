import { describe, expect, it } from "vitest";
import { recordRead } from "@/server/read-log";
import { listAuditLog, type AuditFilter } from "@/server/data/audit-log";
import { auditFilterOptions, resolveAuditFilter } from "@/server/data/audit-filters";
import { parseAuditLogQuery } from "@/lib/validation/audit-log";
import { can } from "@/domain/access/can";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

const headers = new Headers({ "x-request-id": "audit-test" });
const all: AuditFilter = { kind: "" };
type Args = Parameters<typeof listAuditLog>;
async function changesOf(...args: Args) {
  const page = await listAuditLog(...args);
  if (page.view !== "changes") throw new Error("expected changes");
  return page;
}
async function readsOf(...args: Args) {
  const page = await listAuditLog(...args);
  if (page.view !== "reads") throw new Error("expected reads");
  return page;
}

/** A tenant with an incident of each client, and reads of them by the manager and the analyst. */
async function scene() {
  const t = await makeTenant();
  const analyst = await ctxFor(t.analyst.id);
  const manager = await ctxFor(t.manager.id);
  const a = await logIncident(analyst, t.clientA.id);
  const b = await logIncident(manager, t.clientB.id);
  await recordRead(
    analyst.viewer,
    { kind: "incident.view", targetType: "Incident", targetId: a.id, incidentId: a.id, clientId: t.clientA.id },
    headers,
    new Date("2026-11-10T12:00:00Z"),
  );
  await recordRead(
    manager.viewer,
    { kind: "incident.view", targetType: "Incident", targetId: b.id, incidentId: b.id, clientId: t.clientB.id },
    headers,
    new Date("2026-11-20T12:00:00Z"),
  );
  await recordRead(
    manager.viewer,
    { kind: "report.pdf", targetType: "Incident", targetId: a.id, incidentId: a.id },
    headers,
    new Date("2026-11-21T12:00:00Z"),
  );
  return { t, analyst, manager, a, b };
}

describe("the organization's audit log", () => {
  it("lists changes in the timeline's words and reads newest first, and filters them by person, client, incident, kind and period", async () => {
    const { t, manager, a, b } = await scene();
    const changes = await changesOf(manager.viewer, all);
    const created = changes.rows.filter((r) => r.action === "incident.create");
    expect(created.map((r) => r.incidentReference)).toEqual([b.reference, a.reference]); // newest first
    expect(created[0]!.text).toMatch(/^Logged the incident/);

    const reads = await readsOf(manager.viewer, { kind: "reads" });
    expect(reads.rows.map((r) => [r.kind, r.incidentReference, r.actorRole])).toEqual([
      ["report.pdf", a.reference, "MANAGER"],
      ["incident.view", b.reference, "MANAGER"],
      ["incident.view", a.reference, "ANALYST"],
    ]);
    const kinds = async (f: Partial<AuditFilter>) =>
      (await readsOf(manager.viewer, { kind: "reads", ...f })).rows.map((r) => `${r.kind} ${r.incidentReference}`);
    expect(await kinds({ personId: t.analyst.id })).toEqual([`incident.view ${a.reference}`]);
    expect(await kinds({ clientId: t.clientA.id })).toEqual([
      `report.pdf ${a.reference}`,
      `incident.view ${a.reference}`,
    ]);
    expect(await kinds({ incidentId: b.id })).toEqual([`incident.view ${b.reference}`]);
    expect(await kinds({ kind: "reads:report." })).toEqual([`report.pdf ${a.reference}`]);
    const { query } = parseAuditLogQuery({ from: "2026-11-20", to: "2026-11-20", kind: "reads" }, "America/Chicago");
    expect(await kinds({ fromAt: query.fromAt, toAt: query.toAt })).toEqual([`incident.view ${b.reference}`]);

    const byClient = await changesOf(manager.viewer, { kind: "incident.", clientId: t.clientB.id });
    expect(byClient.rows.length).toBeGreaterThan(0);
    expect(byClient.rows.every((r) => r.incidentId === b.id && r.action.startsWith("incident."))).toBe(true);
    const byPerson = await changesOf(manager.viewer, { kind: "", personId: t.analyst.id });
    expect(new Set(byPerson.rows.map((r) => r.actorLabel))).toEqual(new Set([t.analyst.name]));
  });

  it("pages by keyset without gaps or repeats", async () => {
    const { manager } = await scene();
    const whole = await changesOf(manager.viewer, all, undefined, 1000);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await changesOf(manager.viewer, all, cursor, 3);
      seen.push(...page.rows.map((r) => r.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(whole.rows.map((r) => r.seq));
    const reads1 = await readsOf(manager.viewer, { kind: "reads" }, undefined, 2);
    const reads2 = await readsOf(manager.viewer, { kind: "reads" }, reads1.nextCursor!, 2);
    expect([...reads1.rows, ...reads2.rows].map((r) => r.id)).toEqual(
      (await readsOf(manager.viewer, { kind: "reads" })).rows.map((r) => r.id),
    );
  });

  it("a manager of one organization never sees another's changes or reads, nor can name its people, clients or incidents", async () => {
    const one = await scene();
    const other = await scene();
    const mine = await changesOf(one.manager.viewer, all, undefined, 1000);
    const myReads = await readsOf(one.manager.viewer, { kind: "reads" }, undefined, 1000);
    const theirs = (r: { incidentId: string | null; actorLabel: string }) =>
      r.incidentId === other.a.id || r.incidentId === other.b.id || r.actorLabel.endsWith(other.t.org.slug.slice(4));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(myReads.rows.length).toBe(3);
    expect(mine.rows.some(theirs)).toBe(false);
    expect(myReads.rows.some(theirs)).toBe(false);
    // filtering by the other organization's ids finds nothing, and the page names them as unknown
    expect((await readsOf(one.manager.viewer, { kind: "reads", personId: other.t.manager.id })).rows).toEqual([]);
    expect((await changesOf(one.manager.viewer, { kind: "", incidentId: other.a.id })).rows).toEqual([]);
    const { query } = parseAuditLogQuery(
      { person: other.t.manager.id, client: other.t.clientA.id, incident: other.a.reference.replace(/\d+$/, "9999") },
      "UTC",
    );
    const { fieldErrors } = await resolveAuditFilter(
      one.manager.viewer,
      query,
      await auditFilterOptions(one.manager.viewer),
    );
    expect(Object.keys(fieldErrors).sort()).toEqual(["client", "incident", "person"]);
  });

  it("is for audit:read only: managers and admins hold it, analysts and client contacts do not", async () => {
    const t = await makeTenant();
    const viewer = async (id: string) => (await ctxFor(id)).viewer;
    expect(can(await viewer(t.manager.id), "audit:read")).toBe(true);
    expect(can(await viewer(t.admin.id), "audit:read")).toBe(true);
    expect(can(await viewer(t.analyst.id), "audit:read")).toBe(false);
    expect(can(await viewer(t.contactA.id), "audit:read")).toBe(false);
  });
});

describe("the audit page's filters", () => {
  it("name each bad value beside its field, and read the period as whole days in the organization's zone", () => {
    const bad = parseAuditLogQuery(
      { person: "nobody", client: "x", incident: "42", kind: "everything", from: "2026-02-30", to: "tomorrow" },
      "UTC",
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["client", "from", "incident", "kind", "person", "to"]);
    const ok = parseAuditLogQuery(
      { incident: " inc-2026-0042 ", kind: "reads:notice.", from: "2026-03-29", to: "2026-03-29" },
      "Europe/Berlin",
    );
    expect(ok.fieldErrors).toEqual({});
    expect(ok.query).toMatchObject({ incident: "INC-2026-0042", kind: "reads:notice." });
    expect(ok.query.fromAt?.toISOString()).toBe("2026-03-28T23:00:00.000Z"); // midnight in Berlin, before the clocks went forward
    expect(ok.query.toAt?.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // the end of that (23-hour) day
    expect(parseAuditLogQuery({ from: "2026-03-29", to: "2026-03-01" }, "UTC").fieldErrors).toEqual({
      to: ["The period ends before it starts."],
    });
  });
});
