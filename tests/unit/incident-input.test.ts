import { describe, expect, it } from "vitest";
import { createIncidentSchema, transitionSchema } from "@/lib/validation/incident";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { parseIncidentListQuery } from "@/lib/validation/incident-list";

const NOW = new Date("2026-03-30T12:00:00Z");
const valid = {
  clientId: "6f1c2a43-8a4b-4a8e-9f0e-1f2d3c4b5a69",
  title: "Misdirected claims export",
  summary: "A claims export was e-mailed to the wrong broker.",
  type: "ACCIDENTAL_LEAK",
  severity: "HIGH",
  timeZone: "Europe/Berlin",
  occurredAt: "2026-03-28T22:00",
  detectedAt: "2026-03-29T01:00",
  awareAt: "2026-03-29T03:30",
  dataCategories: ["PERSONAL", "HEALTH"],
  dataSubjectsCount: "1200",
  recordsCount: "",
  jurisdictions: ["DE", "US-CA"],
  dataEncrypted: "no",
};

const errorsOf = (input: unknown) => {
  const r = createIncidentSchema(NOW).safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("new incident input", () => {
  it("reads wall times in the given zone, across the DST change (Berlin, 29 March 2026)", () => {
    const out = createIncidentSchema(NOW).parse(valid);
    expect(out.occurredAt?.toISOString()).toBe("2026-03-28T21:00:00.000Z"); // CET, +01:00
    expect(out.awareAt.toISOString()).toBe("2026-03-29T01:30:00.000Z"); // CEST, +02:00
    expect(out).toMatchObject({
      dataSubjectsCount: 1200,
      recordsCount: undefined,
      dataEncrypted: false,
      ownerId: null,
    });
  });

  it("accepts API times with an offset", () => {
    const out = createIncidentSchema(NOW).parse({ ...valid, awareAt: "2026-03-29T01:30:00Z" });
    expect(out.awareAt.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it.each([
    [{ detectedAt: "2026-03-28T20:00" }, "detectedAt", "Detection cannot be before the incident occurred."],
    [{ awareAt: "2026-03-28T20:00" }, "awareAt", "Awareness cannot be before the incident occurred."],
    [{ awareAt: "2026-04-02T10:00" }, "awareAt", "This is in the future."],
    [{ detectedAt: "yesterday" }, "detectedAt", "Enter a date and time like 2026-03-29 14:30."],
    [{ awareAt: "2026-02-30T10:00" }, "awareAt", "Enter a date and time like 2026-03-29 14:30."],
    [{ awareAt: "" }, "awareAt", "Enter when we became aware."],
    [{ dataSubjectsCount: "-3" }, "dataSubjectsCount", "The number of data subjects cannot be negative."],
    [{ recordsCount: "2.5" }, "recordsCount", "The number of records must be a whole number."],
    [{ jurisdictions: ["DE", "Atlantis"] }, "jurisdictions.1", "Unknown jurisdiction."],
    [{ title: "x".repeat(201) }, "title", "A title has at most 200 characters."],
    [{ summary: " " }, "summary", "Describe what happened."],
    [{ type: "ALIENS" }, "type", "Choose the type of incident."],
    [{ clientId: "42" }, "clientId", "Choose a client."],
    [{ timeZone: "Mars/Olympus" }, "timeZone", "Unknown time zone."],
  ])("%o → %s: %s", (patch, field, message) => {
    expect(errorsOf({ ...valid, ...patch })[field]).toContain(message);
  });
});

describe("transition input", () => {
  it("needs a reason for a step back, and an id and version always", () => {
    const r = transitionSchema.safeParse({
      kind: "STEP_BACK",
      incidentId: "nope",
      version: "x",
      to: "CONTAIN",
      reason: "",
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(fieldErrorsOf(r.error)).sort()).toEqual(["incidentId", "reason", "version"]);
  });
  it("refuses unknown actions", () => {
    expect(transitionSchema.safeParse({ kind: "DELETE", incidentId: valid.clientId, version: 1 }).success).toBe(false);
  });
});

describe("incident list filters from the URL", () => {
  it("keeps good values, drops and names bad ones, defaults to open incidents newest first", () => {
    expect(
      parseIncidentListQuery({ phase: "CONTAIN", severity: "EXTREME", clientId: "../etc", q: "  phish " }),
    ).toEqual({
      query: { sort: "aware_desc", status: "open", phase: "CONTAIN", q: "phish" },
      ignored: ["severity", "clientId"],
    });
  });

  it("drops a search carrying a NUL character (PostgreSQL text cannot hold one) and names it", () => {
    expect(parseIncidentListQuery({ q: "phish\u0000" })).toEqual({
      query: { sort: "aware_desc", status: "open" },
      ignored: ["q"],
    });
  });
});
