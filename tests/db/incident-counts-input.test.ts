import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { updateAssessment } from "@/server/services/incidents/update-assessment";
import { updateIncidentFacts } from "@/server/services/incidents/update-incident-facts";
import { assessmentSchema } from "@/lib/validation/notice";
import { createIncidentSchema, updateFactsSchema } from "@/lib/validation/incident";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";

// Bad input refused with a field-level message and nothing written: counts that contradict the
// total, unknown or unlisted jurisdictions, awareness before occurrence.

async function snapshot(incidentId: string) {
  const i = await db().incident.findUniqueOrThrow({ where: { id: incidentId } });
  return {
    version: i.version,
    dataSubjectsCount: i.dataSubjectsCount,
    jurisdictions: i.jurisdictions,
    subjectsByJurisdiction: i.subjectsByJurisdiction,
    revisions: await db().obligationRevision.count({ where: { obligation: { incidentId } } }),
    audit:
      (await db().auditEvent.count({ where: { incidentId } })) +
      (await db().auditEventPending.count({ where: { incidentId } })),
  };
}

const assessment = (incidentId: string, version: number, counts: string) =>
  assessmentSchema.parse({
    incidentId,
    version: String(version),
    timeZone: "UTC",
    risk: "RISK",
    riskAssessedAt: "2026-01-10T12:00",
    subjectsByJurisdiction: counts,
  });

const facts = (incidentId: string, version: number, patch: Record<string, unknown>) =>
  updateFactsSchema(new Date()).parse({
    incidentId,
    version: String(version),
    title: "Phishing led to mailbox access",
    summary: "An agent entered credentials on a phishing page; the mailbox held claim forms.",
    timeZone: "UTC",
    occurredAt: "2026-01-10T08:00",
    detectedAt: "2026-01-10T09:00",
    awareAt: "2026-01-10T09:30",
    dataCategories: ["PERSONAL", "HEALTH"],
    dataSubjectsCount: "1000",
    jurisdictions: ["US-CA", "US-TX"],
    ...patch,
  });

describe("counts that contradict the facts", () => {
  it("are refused by field in the assessment and the facts, and nothing is written", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const { id } = await logIncident(ctx, t.clientA.id, {
      dataSubjectsCount: "1000",
      jurisdictions: ["US-CA", "US-TX"],
    });
    const before = await snapshot(id);

    const over = await updateAssessment(ctx, assessment(id, before.version, "US-CA: 600\nUS-TX: 401"));
    expect(over).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: {
        subjectsByJurisdiction: [
          "These add up to 1,001, more than the 1,000 people affected recorded in the facts. Correct the counts or the total.",
        ],
      },
    });
    const unknown = await updateAssessment(ctx, assessment(id, before.version, "US-ZZ: 5"));
    expect(unknown).toMatchObject({
      ok: false,
      fieldErrors: { subjectsByJurisdiction: ["Unknown jurisdiction: US-ZZ."] },
    });
    const outside = await updateAssessment(ctx, assessment(id, before.version, "US-FL: 5"));
    expect(outside).toMatchObject({
      ok: false,
      fieldErrors: {
        subjectsByJurisdiction: [
          "Not among the incident's jurisdictions: Florida (US) (US-FL). Add it to the facts first.",
        ],
      },
    });
    expect(await snapshot(id)).toEqual(before);

    // at the total exactly: accepted
    const exact = await updateAssessment(ctx, assessment(id, before.version, "US-CA: 600\nUS-TX: 400"));
    expect(exact).toEqual({ ok: true, value: { version: before.version + 1 } });
    const counted = await snapshot(id);

    const lowered = await updateIncidentFacts(ctx, facts(id, counted.version, { dataSubjectsCount: "999" }));
    expect(lowered).toMatchObject({
      ok: false,
      fieldErrors: {
        dataSubjectsCount: [
          "Fewer than the 1,000 counted per jurisdiction in the assessment. Correct those counts first, or enter at least 1,000.",
        ],
      },
    });
    const dropped = await updateIncidentFacts(ctx, facts(id, counted.version, { jurisdictions: ["US-CA"] }));
    expect(dropped).toMatchObject({
      ok: false,
      fieldErrors: {
        jurisdictions: ["People are counted in Texas (US) (400) in the assessment. Remove those counts first."],
      },
    });
    expect(await snapshot(id)).toEqual(counted);
  });

  it("awareness before occurrence and unknown jurisdictions are refused before any service runs", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.manager.id);
    const base = {
      clientId: t.clientA.id,
      title: "Lost laptop",
      summary: "A laptop was left on a train.",
      type: "DATA_BREACH",
      severity: "HIGH",
      timeZone: "UTC",
      occurredAt: "2026-01-10T08:00",
      detectedAt: "2026-01-10T09:00",
      awareAt: "2026-01-10T07:59",
      dataCategories: ["PERSONAL"],
      jurisdictions: ["US-CA", "XX"],
    };
    const parsed = createIncidentSchema(ctx.now).safeParse(base);
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["awareAt", "Awareness cannot be before the incident occurred."],
        ["jurisdictions.1", "Unknown jurisdiction."],
      ]),
    );
    await expect(logIncident(ctx, t.clientA.id, { awareAt: "2026-01-10T07:59" })).rejects.toThrow();
    expect(await db().incident.count({ where: { organizationId: t.org.id } })).toBe(0);
  });
});
