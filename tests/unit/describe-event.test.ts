import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_WORDING, describeEvent, eventReason } from "@/domain/timeline/describe-event";

const root = path.resolve(import.meta.dirname, "../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx|mjs)$/.test(name) ? [full] : [];
  });

/** Every audit action written anywhere: literal actions in audit calls, and the transition kinds. */
function writtenActions(): Set<string> {
  const sources = [
    ...files(path.join(root, "src/server")),
    ...files(path.join(root, "prisma")),
    ...files(path.join(root, "scripts")),
  ];
  const actions = new Set<string>();
  for (const file of sources) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!/auditIncident\(|appendAudit\(|action:|event\(/.test(line) || /\blog\.\w+\(/.test(line)) continue;
      for (const m of line.matchAll(/["'`]([a-z][a-z_]*\.[a-z_]+)["'`]/g)) actions.add(m[1]!);
    }
  }
  // transition-incident.ts writes `incident.${kind.toLowerCase()}` for every transition event
  const transition = readFileSync(path.join(root, "src/domain/incident/transition.ts"), "utf8");
  for (const m of transition.matchAll(/\{ kind: "([A-Z_]+)"/g)) actions.add(`incident.${m[1]!.toLowerCase()}`);
  return actions;
}

describe("describeEvent", () => {
  it("has wording for every audit action the code writes", () => {
    const actions = writtenActions();
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((a) => !(a in EVENT_WORDING))).toEqual([]);
  });

  const names = {
    people: { u1: "Priya Natarajan" },
    notices: { n1: { recipient: "Mercy Regional Health privacy office" } },
    obligations: { o1: "GDPR Art. 33" },
    rules: { "gdpr-33": "GDPR Art. 33" },
  };
  it.each([
    [
      {
        action: "incident.advance",
        entityType: "Incident",
        changes: { phase: { before: "IDENTIFY", after: "CONTAIN" } },
      },
      "Moved from Identify to Contain",
    ],
    [
      {
        action: "incident.advance",
        entityType: "Incident",
        changes: { phase: { before: "POST_MORTEM", after: "CLOSED" } },
      },
      "Closed the incident as resolved",
    ],
    [
      {
        action: "incident.step_back",
        entityType: "Incident",
        changes: { phase: { before: "INVESTIGATE", after: "CONTAIN" }, reason: "x" },
      },
      "Stepped back from Investigate to Contain",
    ],
    [
      {
        action: "incident.change_severity",
        entityType: "Incident",
        changes: { phase: { before: "CONTAIN", after: "CONTAIN" }, severity: { before: "HIGH", after: "CRITICAL" } },
      },
      "Changed the severity from high to critical",
    ],
    [
      { action: "incident.create", entityType: "Incident", changes: { type: "DATA_BREACH", severity: "HIGH" } },
      "Logged the incident (data breach, high severity)",
    ],
    [
      { action: "incident.update_facts", entityType: "Incident", changes: { summary: {}, recordsCount: {} } },
      "Updated the facts: internal description, number of records",
    ],
    [
      { action: "incident.assign", entityType: "Incident", changes: { ownerId: { before: null, after: "u1" } } },
      "Made Priya Natarajan the owner",
    ],
    [
      {
        action: "obligations.recompute",
        entityType: "Incident",
        changes: { cause: "facts changed: recordsCount", added: 1, changed: 0, retired: 0 },
      },
      "Recomputed the notification deadlines after the facts changed (number of records) (1 added)",
    ],
    [
      {
        action: "obligations.recompute",
        entityType: "Incident",
        changes: { cause: "notice sent for gdpr-33", added: 0, changed: 2, retired: 1 },
      },
      "Recomputed the notification deadlines after the GDPR Art. 33 notice was sent (2 changed, 1 no longer owed)",
    ],
    [
      {
        action: "obligations.rule_change",
        entityType: "Incident",
        changes: {
          rules: [
            { ruleId: "gdpr-33", from: "2026-12-02.1#aaaaaaaaaaaa", to: "2026-12-09.1#bbbbbbbbbbbb" },
            { ruleId: "kr-pipa", from: null, to: "2026-12-09.1#cccccccccccc" },
          ],
          firstRecord: false,
          added: 1,
          changed: 1,
          retired: 0,
        },
      },
      "Recomputed the notification deadlines after a rule update (rules changed: GDPR Art. 33 2026-12-02.1#aaaaaaaaaaaa → 2026-12-09.1#bbbbbbbbbbbb; kr-pipa added (2026-12-09.1#cccccccccccc)) (1 added, 1 changed)",
    ],
    [
      {
        action: "obligations.recompute",
        entityType: "Incident",
        changes: { cause: "rule change: gdpr-33", added: 0, changed: 1, retired: 0 },
      },
      "Recomputed the notification deadlines after a rule change (gdpr-33) (1 changed)",
    ],
    [
      {
        action: "organization.working_target",
        entityType: "Organization",
        changes: { workingTargetHours: { before: 72, after: 48 } },
      },
      "Set the working target for laws that fix no time to 48 hours",
    ],
    [
      { action: "notice.submit", entityType: "Notice", entityId: "n1", changes: { noticeId: "n1" } },
      "Submitted the notice to Mercy Regional Health privacy office for approval",
    ],
    [
      { action: "notice.send", entityType: "Notice", entityId: "n1", changes: { noticeId: "n1", recipients: 2 } },
      "Sent the notice to Mercy Regional Health privacy office (2 recipients)",
    ],
    [
      {
        action: "obligation.waive",
        entityType: "Obligation",
        entityId: "o1",
        changes: { ruleId: "gdpr-33", reason: "no risk" },
      },
      "Waived the GDPR Art. 33 notice",
    ],
    [
      {
        action: "obligation.propose",
        entityType: "Obligation",
        entityId: "o1",
        changes: { kind: "NOT_REQUIRED", reason: "Letters recovered unopened" },
      },
      "Proposed that the GDPR Art. 33 notice is not required: “Letters recovered unopened”; a second person must confirm it",
    ],
    [
      {
        action: "obligation.propose",
        entityType: "Obligation",
        entityId: "o1",
        changes: { kind: "FILED", reason: "filed by the client", filing: { reference: "BfDI-118" } },
      },
      "Proposed to record the filing of the GDPR Art. 33 notice (reference BfDI-118); a second person must confirm it",
    ],
    [
      {
        action: "obligation.not_required",
        entityType: "Obligation",
        entityId: "o1",
        changes: { reason: "x", proposedBy: "u1" },
      },
      "Confirmed (proposed by Priya Natarajan) that the GDPR Art. 33 notice is not required",
    ],
    [
      {
        action: "obligation.waive",
        entityType: "Obligation",
        entityId: "o1",
        changes: { reason: "x", proposedBy: "u1" },
      },
      "Confirmed (proposed by Priya Natarajan) the waiver of the GDPR Art. 33 notice",
    ],
    [
      {
        action: "obligation.proposal_reject",
        entityType: "Obligation",
        entityId: "o1",
        changes: { kind: "WAIVED", reason: "Health data" },
      },
      "Rejected the proposal to waive the GDPR Art. 33 notice: “Health data”",
    ],
    [
      {
        action: "obligation.self_confirmation_refused",
        entityType: "Obligation",
        entityId: "o1",
        changes: { kind: "WAIVED" },
      },
      "Was refused confirmation of their own proposal on the GDPR Art. 33 notice: a second person must confirm it",
    ],
    [
      {
        action: "checklist.check",
        entityType: "ChecklistItem",
        changes: { item: "Affected segment isolated", phase: "CONTAIN" },
      },
      "Ticked “Affected segment isolated” (Contain checklist)",
    ],
    [
      { action: "evidence.custody", entityType: "Evidence", changes: { action: "TRANSFERRED", note: "to forensics" } },
      "Recorded that the evidence was handed over",
    ],
    [{ action: "something.new", entityType: "ActionItem", changes: null }, "Recorded a change to the action item"],
  ])("words %j as a sentence", (event, sentence) => {
    expect(describeEvent(event, names)).toBe(sentence);
  });

  it("never shows an action code, whatever the changes hold", () => {
    for (const action of Object.keys(EVENT_WORDING)) {
      for (const changes of [null, {}, { phase: "x", severity: 3, ownerId: 5, recipients: "many" }]) {
        const sentence = describeEvent({ action, entityType: "Incident", entityId: "missing", changes });
        expect(sentence).not.toMatch(/[a-z_]+\.[a-z_]+|undefined|null|\[object/);
        expect(sentence.length).toBeGreaterThan(5);
      }
    }
  });

  it("gives the reason, comment or note beside the sentence, but not a sign-in refusal's code", () => {
    expect(eventReason({ action: "incident.step_back", changes: { reason: "New evidence of exfiltration" } })).toBe(
      "New evidence of exfiltration",
    );
    expect(eventReason({ action: "notice.return", changes: { comment: "Name the systems" } })).toBe("Name the systems");
    expect(eventReason({ action: "auth.sign_in_failed", changes: { reason: "wrong_password" } })).toBeNull();
    expect(eventReason({ action: "notice.submit", changes: { noticeId: "n1" } })).toBeNull();
  });
});
