import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { createIncident } from "@/server/services/incidents/create-incident";
import { createIncidentSchema } from "@/lib/validation/incident";

describe("the owner chosen when an incident is logged", () => {
  it("an analyst without incident:assign may not make someone else the owner: a field error on the owner, nothing logged", async () => {
    const t = await makeTenant();
    const analyst = await ctxFor(t.analyst.id);
    const input = createIncidentSchema(analyst.now).parse({
      clientId: t.clientA.id,
      ownerId: t.manager.id,
      title: "Claim forms sent to the wrong address",
      summary: "An agent mailed a batch of claim forms to a former address of the insurer.",
      type: "ACCIDENTAL_LEAK",
      severity: "MEDIUM",
      timeZone: "UTC",
      occurredAt: "2026-01-10T08:00",
      detectedAt: "2026-01-10T09:00",
      awareAt: "2026-01-10T09:30",
      dataCategories: ["PERSONAL"],
      jurisdictions: ["US-CA"],
    });
    expect(await createIncident(analyst, input)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { ownerId: ["You can log an incident for yourself only; a manager assigns it to someone else."] },
    });
    expect(await db().incident.count({ where: { organizationId: t.org.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "incident.create" } })).toBe(0);
  });

  it("an analyst may name themselves; a manager may make an analyst of the client the owner", async () => {
    const t = await makeTenant();
    const own = await logIncident(await ctxFor(t.analyst.id), t.clientA.id, { ownerId: t.analyst.id });
    expect((await db().incident.findUniqueOrThrow({ where: { id: own.id } })).ownerId).toBe(t.analyst.id);
    const given = await logIncident(await ctxFor(t.manager.id), t.clientA.id, { ownerId: t.analyst.id });
    expect(await db().incident.findUniqueOrThrow({ where: { id: given.id } })).toMatchObject({
      ownerId: t.analyst.id,
      reporterId: t.manager.id,
    });
  });
});
