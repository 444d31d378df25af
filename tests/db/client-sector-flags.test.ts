import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createClient, updateClient } from "@/server/services/admin/clients";
import { clientSchema, updateClientSchema } from "@/lib/validation/client";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

// The US sector flags (FTC Safeguards, NYDFS, Regulation S-P, FCC CPNI) from the client form to
// the deadline rules, and the incident's type to the APPI's 60-day clock.

const form = (patch: Record<string, unknown> = {}) => ({
  name: "Hudson Brokerage",
  sector: "FINANCE",
  timeZone: "America/New_York",
  country: "us",
  noticeHours: "48",
  ...patch,
});

describe("client regime flags of the US sector rules", () => {
  it("an administrator sets them on a new client; unticked ones are false", async () => {
    const t = await makeTenant();
    const made = await createClient(
      await ctxFor(t.admin.id),
      clientSchema.parse(form({ nydfsCoveredEntity: "on", regSpCoveredInstitution: "on" })),
    );
    if (!made.ok) throw new Error(made.message);
    expect(await db().client.findUniqueOrThrow({ where: { id: made.value.id } })).toMatchObject({
      nydfsCoveredEntity: true,
      regSpCoveredInstitution: true,
      glbaFinancialInstitution: false,
      telecomCarrier: false,
    });
  });

  it("ticking NYDFS on a client recomputes its open incident: the 72-hour notice appears, with a revision", async () => {
    const t = await makeTenant();
    const { id: incidentId } = await logIncident(await ctxFor(t.manager.id), t.clientA.id);
    expect(
      await db().obligation.findUnique({ where: { incidentId_ruleId: { incidentId, ruleId: "nydfs-500-17" } } }),
    ).toBeNull();
    const admin = await ctxFor(t.admin.id, new Date(Date.now() + 1000));
    const current = await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } });
    const input = updateClientSchema.parse({
      ...form({
        name: current.name,
        sector: current.sector,
        timeZone: current.timeZone,
        country: current.country,
        noticeHours: String(current.noticeHours),
        nydfsCoveredEntity: "on",
      }),
      clientId: t.clientA.id,
      ...Object.fromEntries(
        (["hipaaCoveredEntity", "doraFinancialEntity", "nis2Entity", "secRegistrant", "handlesCardData"] as const)
          .filter((k) => current[k])
          .map((k) => [k, "on"]),
      ),
      ...(current.noticeBusinessHoursOnly ? { noticeBusinessHoursOnly: "on" } : {}),
      retentionYears: String(current.retentionYears),
    });
    const previewed = await updateClient(admin, input);
    if (!previewed.ok || previewed.value.kind !== "PREVIEW") throw new Error("expected a preview");
    const saved = await updateClient(admin, { ...input, confirm: "1", previewHash: previewed.value.preview.hash });
    expect(saved).toEqual({ ok: true, value: { kind: "SAVED", recomputed: 1 } });
    const o = await db().obligation.findUniqueOrThrow({
      where: { incidentId_ruleId: { incidentId, ruleId: "nydfs-500-17" } },
    });
    // aware 10 Jan 2026 09:30 UTC + 72 h
    expect(o.dueAt).toEqual(new Date("2026-01-13T09:30:00Z"));
    const revision = await db().obligationRevision.findFirst({ where: { obligationId: o.id } });
    expect(revision?.cause ?? "").toContain("nydfsCoveredEntity");
  });

  it("a cyberattack on Japanese data: the APPI's final report within 60 days", async () => {
    const t = await makeTenant();
    const { id: incidentId } = await logIncident(await ctxFor(t.manager.id), t.clientA.id, {
      type: "CYBERATTACK",
      dataCategories: ["PERSONAL"],
      jurisdictions: ["JP"],
    });
    const o = await db().obligation.findUniqueOrThrow({
      where: { incidentId_ruleId: { incidentId, ruleId: "jp-appi-26-final-wrongful" } },
    });
    // aware 10 Jan 2026 18:30 JST; + 60 days: 31 Jan is day 21, 28 Feb day 49, 11 Mar day 60 → end of 11 Mar JST
    expect(o.dueAt).toEqual(new Date("2026-03-11T14:59:59.999Z"));
  });
});
