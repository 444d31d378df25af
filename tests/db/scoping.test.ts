import { describe, expect, it } from "vitest";
import { loadViewer } from "@/server/data/load-viewer";
import { getVisibleClient, listVisibleClients } from "@/server/data/clients";
import { listUsers } from "@/server/data/organization";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";

async function viewerOf(userId: string) {
  const v = await loadViewer(userId);
  if (!v) throw new Error("fixture user has no viewer");
  return v;
}

describe("tenant scope", () => {
  it("an analyst sees only the clients assigned to them", async () => {
    const t = await makeTenant();
    const analyst = await viewerOf(t.analyst.id);
    expect((await listVisibleClients(analyst)).map((c) => c.id)).toEqual([t.clientA.id]);
    expect(await getVisibleClient(analyst, t.clientA.id)).toMatchObject({ id: t.clientA.id, name: t.clientA.name });
  });

  it("an unassigned client answers exactly like a missing or malformed id", async () => {
    const t = await makeTenant();
    const analyst = await viewerOf(t.analyst.id);
    expect(await getVisibleClient(analyst, t.clientB.id)).toBeNull();
    expect(await getVisibleClient(analyst, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getVisibleClient(analyst, "not-a-uuid")).toBeNull();
    expect(await getVisibleClient(analyst, "' OR 1=1 --")).toBeNull();
  });

  it("managers and admins see every client of their organization and none of another", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    for (const userId of [t.manager.id, t.admin.id]) {
      const v = await viewerOf(userId);
      expect((await listVisibleClients(v)).map((c) => c.id).sort()).toEqual([t.clientA.id, t.clientB.id].sort());
      expect(await getVisibleClient(v, other.clientA.id)).toBeNull();
    }
  });

  it("a client contact sees only its own client", async () => {
    const t = await makeTenant();
    const contact = await viewerOf(t.contactA.id);
    expect(contact.clientIds).toEqual([t.clientA.id]);
    expect(await getVisibleClient(contact, t.clientB.id)).toBeNull();
  });

  it("a removed assignment or a disabled account takes effect on the next request", async () => {
    const t = await makeTenant();
    await db().clientAssignment.delete({
      where: { userId_clientId: { userId: t.analyst.id, clientId: t.clientA.id } },
    });
    expect((await viewerOf(t.analyst.id)).clientIds).toEqual([]);
    await db().user.update({ where: { id: t.manager.id }, data: { active: false } });
    expect(await loadViewer(t.manager.id)).toBeNull();
  });

  it("the user list of one organization never includes another's people", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const users = await listUsers(await viewerOf(t.admin.id));
    expect(users).toHaveLength(5);
    expect(users.map((u) => u.id)).not.toContain(other.admin.id);
    expect(users.find((u) => u.id === t.analyst.id)?.clients).toEqual([t.clientA.name]);
  });
});

import { listIncidents, PAGE_SIZE } from "@/server/data/incidents";
import { ctxFor, logIncident } from "../support/incident-fixture";

describe("incident list paging", () => {
  it("walks every incident exactly once across pages, even with equal awareness times", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    // 30 incidents sharing one awareness time, 10 with their own: ties are broken by id
    for (let i = 0; i < 40; i++) {
      await logIncident(ctx, i % 2 ? t.clientA.id : t.clientB.id, {
        awareAt: i < 30 ? "2026-01-10T09:30" : `2026-01-0${(i % 9) + 1}T09:30`,
        detectedAt: "2026-01-01T00:00",
        occurredAt: "2025-12-31T00:00",
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const { rows, nextCursor } = await listIncidents(ctx.viewer, { sort: "aware_desc", status: "all", cursor });
      seen.push(...rows.map((r) => r.id));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
    expect(PAGE_SIZE).toBeLessThan(40);
  });

  it("treats a crafted cursor as the first page instead of failing in the database", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    await logIncident(ctx, t.clientA.id, {});
    const first = await listIncidents(ctx.viewer, { sort: "aware_desc", status: "all" });
    const id = first.rows[0]!.id;
    const craft = (v: unknown) => Buffer.from(JSON.stringify([v, id])).toString("base64url");
    const crafted: Array<[Parameters<typeof listIncidents>[1]["sort"], string]> = [
      ["severity_desc", craft(null)],
      ["severity_desc", Buffer.from(`[1e400,"${id}"]`).toString("base64url")],
      ["severity_desc", craft(3_000_000_000)],
      ["severity_desc", craft(2.5)],
      ["aware_desc", craft("-271821-04-20T00:00:00.000Z")],
      ["aware_desc", craft("2026-02-30T00:00:00.000Z")],
      ["aware_desc", craft("Tue, 10 Feb 2026 10:00:00 GMT")],
      ["updated_desc", "not base64 at all!"],
    ];
    for (const [sort, cursor] of crafted) {
      const page = await listIncidents(ctx.viewer, { sort, status: "all", cursor });
      expect(
        page.rows.map((r) => r.id),
        `${sort} ${cursor}`,
      ).toEqual([id]);
    }
  });
});

describe("incident list filters", () => {
  it("filters by status, type, severity, client, owner and text, within the viewer's scope", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const manager = await ctxFor(t.manager.id);
    const analyst = await ctxFor(t.analyst.id);
    const a = await logIncident(manager, t.clientA.id, {
      title: "Misdirected 100% refund letters",
      type: "ACCIDENTAL_LEAK",
      severity: "LOW",
      ownerId: t.analyst.id,
    });
    const b = await logIncident(manager, t.clientB.id, {
      title: "Ransomware on claims_server",
      type: "CYBERATTACK",
      severity: "CRITICAL",
    });
    const c = await logIncident(manager, t.clientA.id, {
      title: "Lost laptop",
      summary: "A laptop holding call notes was left on a train.",
    });
    await logIncident(await ctxFor(other.manager.id), other.clientA.id, { title: "Misdirected letters elsewhere" });
    const ids = async (ctx: typeof manager, q: Record<string, unknown>) =>
      (await listIncidents(ctx.viewer, { sort: "aware_desc", status: "all", ...q })).rows.map((r) => r.id).sort();

    expect(await ids(manager, {})).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(analyst, {})).toEqual([a.id, c.id].sort()); // client B is not assigned to the analyst
    expect(await ids(manager, { type: "CYBERATTACK" })).toEqual([b.id]);
    expect(await ids(manager, { severity: "LOW" })).toEqual([a.id]);
    expect(await ids(manager, { clientId: t.clientB.id })).toEqual([b.id]);
    expect(await ids(analyst, { clientId: t.clientB.id })).toEqual([]);
    expect(await ids(analyst, { owner: "me" })).toEqual([a.id]);
    expect(await ids(manager, { owner: t.manager.id })).toEqual([b.id, c.id].sort()); // who logs an incident owns it by default
    expect(await ids(manager, { owner: "none" })).toEqual([]);
    expect(await ids(manager, { status: "closed" })).toEqual([]);
    expect(await ids(manager, { status: "open" })).toEqual([a.id, b.id, c.id].sort());
    // text: case-insensitive in the title, reference exact; % and _ are characters, not wildcards
    expect(await ids(manager, { q: "misdirected" })).toEqual([a.id]);
    expect(await ids(manager, { q: "LAPTOP" })).toEqual([c.id]);
    // descriptions are sealed: a word only they hold finds nothing
    expect(await ids(manager, { q: "train" })).toEqual([]);
    expect(await ids(manager, { q: b.reference.toLowerCase() })).toEqual([b.id]);
    expect(await ids(manager, { q: "100%" })).toEqual([a.id]);
    expect(await ids(manager, { q: "%" })).toEqual([a.id]);
    expect(await ids(manager, { q: "lost_laptop" })).toEqual([]); // "_" would match the space in "Lost laptop"
    expect(await ids(manager, { q: "claims_server" })).toEqual([b.id]);
  });

  it("returns the row's facts as stored, times in UTC", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const made = await logIncident(ctx, t.clientA.id, {
      awareAt: "2026-03-29T01:30",
      timeZone: "Europe/Berlin",
      detectedAt: "2026-03-29T01:00",
      occurredAt: "2026-03-28T23:00",
    });
    const [row] = (await listIncidents(ctx.viewer, { sort: "aware_desc", status: "all" })).rows;
    expect(row).toMatchObject({
      id: made.id,
      reference: made.reference,
      clientName: t.clientA.name,
      type: "DATA_BREACH",
      severity: "HIGH",
      phase: "IDENTIFY",
      ownerName: t.manager.name,
      closedAt: null,
    });
    expect(row!.awareAt.toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });
});

import { listOpenObligations } from "@/server/data/obligations";

describe("open obligations across clients", () => {
  it("counts every unsettled obligation in scope, not just the rows shown", async () => {
    const t = await makeTenant();
    const manager = await ctxFor(t.manager.id);
    await logIncident(manager, t.clientA.id, { jurisdictions: ["US-CA", "DE"] });
    await logIncident(manager, t.clientB.id, { jurisdictions: ["US-CA"] });
    const analyst = await ctxFor(t.analyst.id);
    const later = new Date(Date.now() + 400 * 24 * 3600_000); // every clock has run out by then
    const all = await listOpenObligations(manager.viewer, { now: later });
    const withDue = all.rows.filter((r) => r.dueAt).length;
    expect(all.total).toBe(all.rows.length);
    expect(all.total).toBeGreaterThan(2);
    expect(all.overdue).toBe(withDue);
    const own = await listOpenObligations(analyst.viewer, { now: later });
    expect(own.total).toBeLessThan(all.total); // client B is not the analyst's
    expect(own.rows.every((r) => r.incident.client.name === t.clientA.name)).toBe(true);
    const none = await listOpenObligations(manager.viewer, { now: new Date("2020-01-01T00:00:00Z"), withinHours: 24 });
    expect(none).toEqual({ rows: [], total: 0, overdue: 0 });
  });
});
