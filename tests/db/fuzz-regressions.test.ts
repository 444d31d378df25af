import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "../support/next-mocks";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { makeTenant } from "../support/tenant-fixture";
import { auditHead } from "../support/tenant-fingerprint";
import { formDataOf } from "../support/action-inputs";
import { addIncidentTask } from "@/server/actions/add-incident-task";
import { addIncidentNote } from "@/server/actions/add-incident-note";
import { addEvidence } from "@/server/actions/add-evidence";
import { NUL_MESSAGE } from "@/lib/validation/nul-text";
import { db } from "@/server/db";
import { GET as incidentsExport } from "@/app/api/exports/incidents/route";

vi.mock("@/server/viewer", () => import("../support/next-mocks").then((m) => m.viewerModule));
vi.mock("next/headers", () => import("../support/next-mocks").then((m) => m.headersModule));
vi.mock("next/cache", () => import("../support/next-mocks").then((m) => m.cacheModule));
vi.mock("next/navigation", () => import("../support/next-mocks").then((m) => m.navigationModule));

// Counterexamples tests/db/fuzz-actions.test.ts found, kept as plain tests.

let t: Awaited<ReturnType<typeof makeTenant>>;
let incidentId: string;

beforeAll(async () => {
  t = await makeTenant();
  incidentId = (await logIncident(await ctxFor(t.manager.id), t.clientA.id)).id;
});

describe("a NUL character in a form field", () => {
  // PostgreSQL refused the text ("invalid byte sequence for encoding UTF8: 0x00") and the action
  // answered "Something went wrong": now the field says what is wrong, and nothing is written.
  it.each([
    ["a task's title", addIncidentTask, { title: "\u0000", timeZone: "UTC" }, "title"],
    ["a note", addIncidentNote, { body: "Called\u0000 the client" }, "body"],
  ] as const)("%s is refused beside the field, nothing saved", async (_what, action, fields, field) => {
    actAs(t.manager.id);
    const head = await auditHead(t.org.id);
    const tasks = await db().incidentTask.count({ where: { incidentId } });
    const result = await action({ ok: false }, formDataOf({ incidentId, ...fields }));
    expect(result).toMatchObject({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { [field]: [NUL_MESSAGE] },
    });
    expect(await auditHead(t.org.id)).toBe(head);
    expect(await db().incidentTask.count({ where: { incidentId } })).toBe(tasks);
  });

  it("the same text without it is saved", async () => {
    actAs(t.manager.id);
    expect(
      await addIncidentTask({ ok: false }, formDataOf({ incidentId, title: "Call the client", timeZone: "UTC" })),
    ).toMatchObject({ ok: true });
  });
});

describe("a date the database cannot hold", () => {
  // "0000-01-01T00:00" parsed as a real instant (year 0), and PostgreSQL refused the insert
  // ("date/time field value out of range"): the action answered "Something went wrong".
  it("evidence collected in year 0 is refused beside the field, nothing saved", async () => {
    actAs(t.manager.id);
    const head = await auditHead(t.org.id);
    const input = {
      incidentId,
      description: "Mailbox export",
      location: "Vault 3",
      sha256: "b".repeat(64),
      collectedAt: "0000-01-01T00:00",
      timeZone: "UTC",
    };
    const result = await addEvidence({ ok: false }, formDataOf(input));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { collectedAt: ["Enter a date and time like 2026-03-29 14:30."] },
    });
    expect(await auditHead(t.org.id)).toBe(head);
    expect(await db().evidence.count({ where: { incidentId } })).toBe(0);
  });
});

describe("a NUL character in the incident list's search", () => {
  // The CSV export passed "\u0000" on to the search, PostgreSQL refused it and the route
  // answered 500: now the filter is named as invalid, and no download is recorded.
  it("is a 422 naming the filter, not a 500", async () => {
    actAs(t.manager.id);
    const head = await auditHead(t.org.id);
    const res = await incidentsExport(new Request("http://localhost:3000/api/exports/incidents?q=%00&status=open"));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", fieldErrors: { q: ["Invalid value."] } },
    });
    expect(await auditHead(t.org.id)).toBe(head);
  });
});
