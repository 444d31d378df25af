import { describe, expect, it } from "vitest";
import {
  transition,
  unmetForAdvance,
  type Actor,
  type IncidentEvent,
  type IncidentState,
} from "@/domain/incident/transition";
import { defaultChecklist } from "@/domain/incident/checklists";
import { PHASES, type Phase } from "@/domain/incident/types";

const NOW = new Date("2026-03-29T01:30:00Z");
const analyst: Actor = { role: "ANALYST", clientIds: ["c1"] };
const manager: Actor = { role: "MANAGER", clientIds: ["c1"] };
const contact: Actor = { role: "CLIENT_CONTACT", clientIds: ["c1"] };

function state(phase: Phase, opts: { complete?: boolean; unsettled?: string[] } = {}): IncidentState {
  return {
    phase,
    severity: "HIGH",
    resolution: phase === "CLOSED" ? "RESOLVED" : null,
    checklist: defaultChecklist("DATA_BREACH").map((i) => ({ ...i, done: opts.complete ?? false })),
    unsettledObligations: opts.unsettled ?? [],
    postMortem: opts.complete
      ? { completed: true, actionItems: [{ title: "Enforce MFA on every agent account", assigned: true }] }
      : undefined,
  };
}

const reason = "Containment failed: attacker still active";

// [phase, event, actor, expected target phase or "refused"] for every (phase, event) pair.
type Case = [Phase, IncidentEvent, Actor, Phase | "refused", string?];
const cases: Case[] = [
  // ADVANCE with every required item done: one phase forward, CLOSED stays closed
  ["IDENTIFY", { kind: "ADVANCE" }, analyst, "CONTAIN"],
  ["CONTAIN", { kind: "ADVANCE" }, analyst, "INVESTIGATE"],
  ["INVESTIGATE", { kind: "ADVANCE" }, analyst, "RESOLVE"],
  ["RESOLVE", { kind: "ADVANCE" }, analyst, "REPORT"],
  ["REPORT", { kind: "ADVANCE" }, analyst, "POST_MORTEM"],
  ["POST_MORTEM", { kind: "ADVANCE" }, analyst, "CLOSED"],
  ["CLOSED", { kind: "ADVANCE" }, analyst, "refused", "The incident is closed."],
  // STEP_BACK to an earlier phase, never from IDENTIFY (nothing earlier) or CLOSED
  [
    "IDENTIFY",
    { kind: "STEP_BACK", to: "IDENTIFY", reason },
    analyst,
    "refused",
    "Step back to a phase before Identify.",
  ],
  ["CONTAIN", { kind: "STEP_BACK", to: "IDENTIFY", reason }, analyst, "IDENTIFY"],
  ["INVESTIGATE", { kind: "STEP_BACK", to: "CONTAIN", reason }, analyst, "CONTAIN"],
  ["RESOLVE", { kind: "STEP_BACK", to: "INVESTIGATE", reason }, analyst, "INVESTIGATE"],
  ["REPORT", { kind: "STEP_BACK", to: "RESOLVE", reason }, analyst, "RESOLVE"],
  ["POST_MORTEM", { kind: "STEP_BACK", to: "CONTAIN", reason }, analyst, "CONTAIN"],
  [
    "CLOSED",
    { kind: "STEP_BACK", to: "POST_MORTEM", reason },
    analyst,
    "refused",
    "A closed incident is reopened, not stepped back.",
  ],
  // CLOSE_FALSE_POSITIVE only from IDENTIFY
  ["IDENTIFY", { kind: "CLOSE_FALSE_POSITIVE", reason }, analyst, "CLOSED"],
  ...(["CONTAIN", "INVESTIGATE", "RESOLVE", "REPORT", "POST_MORTEM", "CLOSED"] as const).map((p): Case => [
    p,
    { kind: "CLOSE_FALSE_POSITIVE", reason },
    analyst,
    "refused",
    "Only an incident still in Identify can be closed as a false positive.",
  ]),
  // REOPEN only from CLOSED, only by a manager
  ...(["IDENTIFY", "CONTAIN", "INVESTIGATE", "RESOLVE", "REPORT", "POST_MORTEM"] as const).map((p): Case => [
    p,
    { kind: "REOPEN", to: "INVESTIGATE", reason },
    manager,
    "refused",
    "Only a closed incident can be reopened.",
  ]),
  ["CLOSED", { kind: "REOPEN", to: "INVESTIGATE", reason }, manager, "INVESTIGATE"],
  [
    "CLOSED",
    { kind: "REOPEN", to: "INVESTIGATE", reason },
    analyst,
    "refused",
    "Only a manager may reopen a closed incident.",
  ],
  // CHANGE_SEVERITY in every open phase, never when closed
  ...(["IDENTIFY", "CONTAIN", "INVESTIGATE", "RESOLVE", "REPORT", "POST_MORTEM"] as const).map((p): Case => [
    p,
    { kind: "CHANGE_SEVERITY", severity: "CRITICAL", reason },
    analyst,
    p,
  ]),
  [
    "CLOSED",
    { kind: "CHANGE_SEVERITY", severity: "CRITICAL", reason },
    analyst,
    "refused",
    "The severity of a closed incident cannot change; reopen it first.",
  ],
];

describe("transition(): every phase × event", () => {
  it("covers every phase for every event kind", () => {
    for (const kind of ["ADVANCE", "STEP_BACK", "CLOSE_FALSE_POSITIVE", "REOPEN", "CHANGE_SEVERITY"]) {
      const phases = new Set(cases.filter(([, e]) => e.kind === kind).map(([p]) => p));
      expect([...phases].sort()).toEqual([...PHASES].sort());
    }
  });

  it.each(cases)("%s + %o by %o → %s", (phase, event, actor, expected, message) => {
    const result = transition(state(phase, { complete: true }), event, actor, NOW);
    if (expected === "refused") {
      expect(result.ok).toBe(false);
      if (!result.ok && message) expect(result.reasons).toContain(message);
    } else {
      expect(result).toMatchObject({ ok: true, from: phase, to: expected, at: NOW });
    }
  });
});

describe("guards", () => {
  it("refuses to advance while required items of the phase are open, naming every one", () => {
    const result = transition(state("CONTAIN"), { kind: "ADVANCE" }, analyst, NOW);
    expect(result).toEqual({
      ok: false,
      reasons: [
        "Checklist item not done: Access to compromised systems restricted",
        "Checklist item not done: Affected segment isolated",
        "Checklist item not done: Volatile evidence preserved before changes",
      ],
    });
  });

  it("optional items never block", () => {
    const s = state("IDENTIFY");
    const checklist = s.checklist.map((i) => ({ ...i, done: i.phase === "IDENTIFY" && i.required }));
    expect(unmetForAdvance({ ...s, checklist })).toEqual([]);
  });

  it("leaving Report needs every notification obligation settled (the seam for deadlines)", () => {
    const result = transition(
      state("REPORT", { complete: true, unsettled: ["GDPR Art. 33(2) notice to the client"] }),
      { kind: "ADVANCE" },
      analyst,
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      reasons: ["Notification obligation not settled: GDPR Art. 33(2) notice to the client"],
    });
  });

  it("closing needs the review completed and every action item assigned", () => {
    const base = state("POST_MORTEM", { complete: true });
    expect(transition({ ...base, postMortem: undefined }, { kind: "ADVANCE" }, analyst, NOW)).toEqual({
      ok: false,
      reasons: ["The post-incident review is not completed."],
    });
    expect(
      transition({ ...base, postMortem: { completed: true, actionItems: [] } }, { kind: "ADVANCE" }, analyst, NOW),
    ).toEqual({ ok: false, reasons: ["The review has no action items."] });
    expect(
      transition(
        { ...base, postMortem: { completed: false, actionItems: [{ title: "Rotate vendor keys", assigned: false }] } },
        { kind: "ADVANCE" },
        analyst,
        NOW,
      ),
    ).toEqual({
      ok: false,
      reasons: ["The post-incident review is not completed.", "Action item not assigned: Rotate vendor keys"],
    });
  });

  it("a reason is required to step back, close as false positive, reopen or change severity", () => {
    for (const event of [
      { kind: "STEP_BACK", to: "IDENTIFY", reason: " no " },
      { kind: "CLOSE_FALSE_POSITIVE", reason: "" },
      { kind: "CHANGE_SEVERITY", severity: "LOW", reason: "x" },
    ] as IncidentEvent[]) {
      const result = transition(
        state(event.kind === "CLOSE_FALSE_POSITIVE" ? "IDENTIFY" : "CONTAIN", { complete: true }),
        event,
        analyst,
        NOW,
      );
      expect(result).toEqual({ ok: false, reasons: ["Give a reason of at least 5 characters."] });
    }
  });

  it("a client contact can do nothing, whatever the phase", () => {
    for (const phase of PHASES) {
      const result = transition(state(phase, { complete: true }), { kind: "ADVANCE" }, contact, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reasons).toContain("You may not change this incident.");
    }
  });

  it("closing resolves; a false positive is recorded as such; reopening clears it", () => {
    expect(transition(state("POST_MORTEM", { complete: true }), { kind: "ADVANCE" }, analyst, NOW)).toMatchObject({
      resolution: "RESOLVED",
    });
    expect(transition(state("IDENTIFY"), { kind: "CLOSE_FALSE_POSITIVE", reason }, analyst, NOW)).toMatchObject({
      resolution: "FALSE_POSITIVE",
      reason,
    });
    expect(transition(state("CLOSED"), { kind: "REOPEN", to: "CONTAIN", reason }, manager, NOW)).toMatchObject({
      resolution: null,
    });
  });

  it("changing to the same severity is refused", () => {
    const result = transition(state("CONTAIN"), { kind: "CHANGE_SEVERITY", severity: "HIGH", reason }, analyst, NOW);
    expect(result).toEqual({ ok: false, reasons: ["The severity is already High."] });
  });
});

describe("default checklists", () => {
  const keys = (type: Parameters<typeof defaultChecklist>[0], phase: Phase) =>
    defaultChecklist(type)
      .filter((i) => i.phase === phase)
      .map((i) => `${i.key}${i.required ? "*" : ""}`);

  it.each([
    [
      "DATA_BREACH",
      "CONTAIN",
      ["access-restricted*", "segment-isolated*", "evidence-preserved*", "credentials-rotated"],
    ],
    [
      "CYBERATTACK",
      "CONTAIN",
      ["access-restricted*", "segment-isolated*", "evidence-preserved*", "credentials-rotated*"],
    ],
    [
      "INTERNAL_FRAUD",
      "CONTAIN",
      [
        "access-restricted*",
        "segment-isolated*",
        "evidence-preserved*",
        "credentials-rotated",
        "person-access-revoked*",
        "hr-legal-informed*",
      ],
    ],
    [
      "ACCIDENTAL_LEAK",
      "CONTAIN",
      ["access-restricted*", "evidence-preserved*", "credentials-rotated", "recipient-recall*"],
    ],
    ["NATURAL_DISASTER", "CONTAIN", ["continuity-plan-activated*", "impact-contained*"]],
    [
      "NATURAL_DISASTER",
      "RESOLVE",
      ["vulnerability-fixed*", "data-restored*", "rpo-rto-recorded*", "monitoring-confirmed"],
    ],
    [
      "SYSTEM_FAILURE",
      "RESOLVE",
      ["vulnerability-fixed*", "data-restored*", "rpo-rto-recorded*", "monitoring-confirmed"],
    ],
    ["DATA_BREACH", "RESOLVE", ["vulnerability-fixed*", "data-restored*", "monitoring-confirmed"]],
    [
      "CYBERATTACK",
      "INVESTIGATE",
      ["logs-examined*", "scope-determined*", "root-cause-identified*", "iocs-recorded*", "parties-interviewed"],
    ],
    [
      "ACCIDENTAL_LEAK",
      "INVESTIGATE",
      ["logs-examined*", "scope-determined*", "root-cause-identified*", "parties-interviewed"],
    ],
    ["DATA_BREACH", "POST_MORTEM", ["review-held*", "lessons-recorded*", "actions-assigned*"]],
  ] as const)("%s / %s", (type, phase, expected) => {
    expect(keys(type, phase)).toEqual(expected);
  });

  it("every type has required items in every phase before Closed, with unique keys", () => {
    for (const type of [
      "CYBERATTACK",
      "DATA_BREACH",
      "ACCIDENTAL_LEAK",
      "SYSTEM_FAILURE",
      "NATURAL_DISASTER",
      "INTERNAL_FRAUD",
    ] as const) {
      const list = defaultChecklist(type);
      expect(new Set(list.map((i) => i.key)).size).toBe(list.length);
      for (const phase of PHASES.filter((p) => p !== "CLOSED")) {
        expect(list.some((i) => i.phase === phase && i.required)).toBe(true);
      }
    }
  });
});

import { OPEN_PHASES, PHASES as ALL_PHASES } from "@/domain/incident/types";
import { SETTLED_STATUSES, UNSETTLED_STATUSES } from "@/domain/deadlines/obligation-status";
import { Phase as DbPhase, ObligationStatus as DbObligationStatus } from "@/generated/prisma/enums";

describe("status sets named in queries", () => {
  it("open phases are every phase but closed, and match the database enum", () => {
    expect([...OPEN_PHASES, "CLOSED"].sort()).toEqual([...ALL_PHASES].sort());
    expect(Object.values(DbPhase).sort()).toEqual([...ALL_PHASES].sort());
  });
  it("settled and unsettled obligation statuses split the database enum exactly", () => {
    expect([...SETTLED_STATUSES, ...UNSETTLED_STATUSES].sort()).toEqual(Object.values(DbObligationStatus).sort());
  });
});
