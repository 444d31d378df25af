import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadViewer } from "@/server/data/load-viewer";
import { createClient, updateClient } from "@/server/services/admin/clients";
import { clientSchema, updateClientSchema } from "@/lib/validation/client";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

const form = (patch: Record<string, unknown> = {}) => ({
  name: "Northwind Mutual",
  sector: "INSURANCE",
  timeZone: "America/Chicago",
  country: "us",
  noticeHours: "72",
  contractReference: "MSA §9.2",
  noticeEmail: " Privacy@Northwind.example ",
  ...patch,
});

describe("client management", () => {
  it("an administrator adds a client: audited, in every manager's scope at once", async () => {
    const t = await makeTenant();
    const made = await createClient(await ctxFor(t.admin.id), clientSchema.parse(form({ hipaaCoveredEntity: "on" })));
    if (!made.ok) throw new Error(made.message);
    const row = await db().client.findUniqueOrThrow({ where: { id: made.value.id } });
    expect(row).toMatchObject({
      country: "US",
      noticeHours: 72,
      noticeEmail: "privacy@northwind.example",
      hipaaCoveredEntity: true,
      nis2Entity: false,
      noticeBusinessHoursOnly: false,
    });
    expect((await loadViewer(t.manager.id))!.clientIds).toContain(made.value.id);
    expect((await loadViewer(t.analyst.id))!.clientIds).not.toContain(made.value.id); // analysts are assigned by hand
    expect(
      await db().auditEvent.count({
        where: { organizationId: t.org.id, action: "client.create", entityId: made.value.id },
      }),
    ).toBe(1);
  });

  it("names what is wrong: a taken name, an unknown time zone, a bad country or window", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id);
    expect(await createClient(admin, clientSchema.parse(form({ name: t.clientA.name.toUpperCase() })))).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { name: [expect.any(String)] },
    });
    const bad = clientSchema.safeParse(
      form({ timeZone: "Mars/Olympus", country: "USA", noticeHours: "0", noticeEmail: "nope", sector: "SPACE" }),
    );
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual([
      "country",
      "noticeEmail",
      "noticeHours",
      "sector",
      "timeZone",
    ]);
    expect(await createClient(await ctxFor(t.manager.id), clientSchema.parse(form()))).toMatchObject({
      ok: false,
      code: "REFUSED",
    });
  });

  it("a new contract window recomputes the deadlines of the client's open incidents, with a revision saying why", async () => {
    const t = await makeTenant();
    const { id: incidentId } = await logIncident(await ctxFor(t.manager.id), t.clientA.id);
    const admin = await ctxFor(t.admin.id, new Date(Date.now() + 1000)); // later than the logging
    const contract = () =>
      db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId: "contract" } } });
    const before = await contract();
    const current = await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } });
    const input = updateClientSchema.parse({
      ...form({
        name: current.name,
        sector: current.sector,
        timeZone: current.timeZone,
        country: current.country,
        contractReference: "",
        noticeEmail: "",
      }),
      clientId: t.clientA.id,
      noticeHours: String(current.noticeHours + 24),
    });
    // first the preview, then the confirmation carrying its hash
    const previewed = await updateClient(admin, input);
    if (!previewed.ok || previewed.value.kind !== "PREVIEW") throw new Error("expected a preview");
    expect(await updateClient(admin, { ...input, confirm: "1", previewHash: previewed.value.preview.hash })).toEqual({
      ok: true,
      value: { kind: "SAVED", recomputed: 1 },
    });
    const after = await contract();
    expect(after.dueAt!.getTime() - before.dueAt!.getTime()).toBe(24 * 3600_000);
    const revision = await db().obligationRevision.findFirstOrThrow({
      where: { obligationId: after.id },
      orderBy: { at: "desc" },
    });
    expect(revision.cause).toBe("client terms changed: noticeHours");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: t.org.id, action: "client.update", entityId: t.clientA.id },
    });
    expect(audit.changes).toEqual({
      noticeHours: { before: current.noticeHours, after: current.noticeHours + 24 },
      confirmedPreview: previewed.value.preview.hash,
    });
    // renaming alone recomputes nothing; saving unchanged writes nothing
    expect(await updateClient(admin, { ...input, name: `${current.name} (renamed)` })).toEqual({
      ok: true,
      value: { kind: "SAVED", recomputed: 0 },
    });
    const events = await db().auditEvent.count({ where: { organizationId: t.org.id } });
    expect(await updateClient(admin, { ...input, name: `${current.name} (renamed)` })).toEqual({
      ok: true,
      value: { kind: "SAVED", recomputed: 0 },
    });
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id } })).toBe(events);
    // the country is recorded, but no deadline rule reads it: nothing is said to have changed
    expect(
      await updateClient(admin, {
        ...input,
        name: `${current.name} (renamed)`,
        country: current.country === "CA" ? "US" : "CA",
      }),
    ).toEqual({ ok: true, value: { kind: "SAVED", recomputed: 0 } });
    expect((await contract()).dueAt).toEqual(after.dueAt);
  });

  it("refuses an administrator demoted since their request began", async () => {
    const t = await makeTenant();
    const admin = await ctxFor(t.admin.id); // the viewer as read at the start of the request
    await db().user.update({ where: { id: t.admin.id }, data: { role: "MANAGER" } }); // meanwhile, another admin demotes them
    const current = await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } });
    const input = updateClientSchema.parse({
      ...form({
        name: `${current.name} (renamed)`,
        sector: current.sector,
        timeZone: current.timeZone,
        country: current.country,
        contractReference: "",
        noticeEmail: "",
      }),
      clientId: t.clientA.id,
      noticeHours: String(current.noticeHours),
    });
    expect(await updateClient(admin, input)).toMatchObject({ ok: false, code: "REFUSED" });
    expect(await createClient(admin, clientSchema.parse(form()))).toMatchObject({ ok: false, code: "REFUSED" });
    expect((await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } })).name).toBe(current.name);
  });

  it("another organization's client answers like a missing one", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const input = updateClientSchema.parse({ ...form(), clientId: other.clientA.id });
    expect(await updateClient(await ctxFor(t.admin.id), input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db().client.findUniqueOrThrow({ where: { id: other.clientA.id } })).name).toBe(other.clientA.name);
  });
});
