import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadViewer } from "@/server/data/load-viewer";
import { listDeadlineWorkList } from "@/server/data/deadline-work-list";
import { parseDeadlineFilters } from "@/lib/validation/deadline-filters";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

const HOUR = 3600_000;
const at = (d: Date) => d.toISOString().slice(0, 16); // the form's local time, in UTC

/**
 * Client A: an incident we became aware of 13 h ago (our 24 h notices due in 11 h; the client's
 * 72 h ones later). Client B: one of 5 days ago, our notices settled, the client's GDPR notices
 * long overdue (the kind that used to sort above ours).
 */
async function scene() {
  const t = await makeTenant();
  const now = new Date();
  const manager = await ctxFor(t.manager.id, now);
  const fresh = { dataCategories: ["PERSONAL"], jurisdictions: ["DE"] };
  const urgent = await logIncident(manager, t.clientA.id, {
    ...fresh,
    occurredAt: at(new Date(now.getTime() - 14 * HOUR)),
    detectedAt: at(new Date(now.getTime() - 13 * HOUR)),
    awareAt: at(new Date(now.getTime() - 13 * HOUR)),
  });
  const old = await logIncident(manager, t.clientB.id, {
    ...fresh,
    occurredAt: at(new Date(now.getTime() - 121 * HOUR)),
    detectedAt: at(new Date(now.getTime() - 120 * HOUR)),
    awareAt: at(new Date(now.getTime() - 120 * HOUR)),
  });
  await db().obligation.updateMany({
    where: { incidentId: old.id, party: "BPO" },
    data: { status: "SENT", deliveredAt: new Date(now.getTime() - 110 * HOUR) },
  });
  const viewer = async (id: string) => (await loadViewer(id))!;
  const list = async (userId: string, params: Record<string, string> = {}) =>
    listDeadlineWorkList(await viewer(userId), parseDeadlineFilters(params).filters, now);
  return { t, now, urgent, old, list };
}

describe("the Deadlines work list", () => {
  it("by default lists our urgent notice first, before the clients' overdue ones", async () => {
    const { t, now, urgent, old, list } = await scene();
    const { sections } = await list(t.manager.id);
    expect(sections.map((s) => s.party)).toEqual(["BPO", "CLIENT"]);
    const first = sections[0]!.rows[0]!;
    expect(first.incident.id).toBe(urgent.id);
    expect(["contract", "gdpr-33-2"]).toContain(
      (await db().obligation.findUniqueOrThrow({ where: { id: first.id } })).ruleId,
    );
    expect(Math.round((first.dueAt!.getTime() - now.getTime()) / HOUR)).toBe(11);
    // our settled notices are not in the default (open) view; the client's overdue one leads its section
    expect(sections[0]!.rows.every((r) => r.incident.id === urgent.id)).toBe(true);
    // (72 h GDPR notices to the authority and the people, to assess: the risk is not assessed yet)
    expect(
      sections[1]!.rows
        .slice(0, 2)
        .map((r) => [r.incident.id, r.citation])
        .sort(),
    ).toEqual([
      [old.id, "GDPR Art. 33(1)"],
      [old.id, "GDPR Art. 34"],
    ]);
    expect(sections[1]!.overdue).toBe(2);
    // plain words first, the citation beside them
    expect(first.title).toMatch(/notice/i);
  });

  it("filters narrow: who owes it, status, client, regime, due within", async () => {
    const { t, urgent, old, list } = await scene();
    const parties = async (p: Record<string, string>) => (await list(t.manager.id, p)).sections.map((s) => s.party);
    expect(await parties({ owedBy: "us" })).toEqual(["BPO"]);
    expect(await parties({ owedBy: "client" })).toEqual(["CLIENT"]);

    const overdue = (await list(t.manager.id, { status: "overdue" })).sections.flatMap((s) => s.rows);
    expect(overdue.map((r) => [r.incident.id, r.citation]).sort()).toEqual([
      [old.id, "GDPR Art. 33(1)"],
      [old.id, "GDPR Art. 34"],
    ]);

    const settled = (await list(t.manager.id, { status: "settled" })).sections.flatMap((s) => s.rows);
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.every((r) => r.incident.id === old.id && r.status === "SENT")).toBe(true);

    // all: settled at the bottom of each section
    const all = (await list(t.manager.id, { status: "all" })).sections[0]!.rows;
    expect(all.at(-1)!.status).toBe("SENT");
    expect(all[0]!.status).toBe("PENDING");

    const onlyB = (await list(t.manager.id, { client: t.clientB.id })).sections.flatMap((s) => s.rows);
    expect(onlyB.length).toBeGreaterThan(0);
    expect(onlyB.every((r) => r.incident.id === old.id)).toBe(true);

    const contractOnly = (await list(t.manager.id, { regime: "Contract", status: "all" })).sections.flatMap(
      (s) => s.rows,
    );
    expect(contractOnly.map((r) => r.regime)).toEqual(["Contract", "Contract"]);

    // due within 24 h (overdue included): our two 11 h notices and the client's two overdue ones
    const soon = (await list(t.manager.id, { within: "24" })).sections;
    expect(soon[0]!.rows.map((r) => r.incident.id)).toEqual([urgent.id, urgent.id]);
    expect(soon[1]!.rows.map((r) => r.incident.id)).toEqual([old.id, old.id]);
  });

  it("keeps to the viewer's scope; a client outside it is not applied, like an unknown one", async () => {
    const { t, urgent, list } = await scene();
    const mine = (await list(t.analyst.id, { status: "all" })).sections.flatMap((s) => s.rows);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.incident.id === urgent.id)).toBe(true); // the analyst is assigned to client A only
    const outside = await list(t.analyst.id, { client: t.clientB.id, status: "all" });
    expect(outside.unknownClient).toBe(true);
    expect(outside.sections.flatMap((s) => s.rows).every((r) => r.incident.id === urgent.id)).toBe(true);
    const missing = await list(t.analyst.id, { client: "00000000-0000-4000-8000-000000000000" });
    expect(missing.unknownClient).toBe(true);
    // another organization sees none of it
    const other = await makeTenant();
    expect((await list(other.manager.id, { status: "all" })).sections.flatMap((s) => s.rows)).toEqual([]);
  });

  it("ignores values that are not choices, and says so", () => {
    expect(
      parseDeadlineFilters({
        owedBy: "everyone",
        status: ["overdue", "open"],
        client: "42",
        regime: "Narnia",
        within: "",
      }),
    ).toEqual({
      filters: { owedBy: "all", status: "overdue", client: undefined, regime: undefined, within: undefined },
      ignored: [
        'Owed by: "everyone" is not one of the choices, so it is not applied.',
        'Client: "42" is not one of the choices, so it is not applied.',
        'Regime: "Narnia" is not one of the choices, so it is not applied.',
      ],
    });
    expect(parseDeadlineFilters({}).filters).toEqual({
      owedBy: "all",
      status: "open",
      client: undefined,
      regime: undefined,
      within: undefined,
    });
  });
});
