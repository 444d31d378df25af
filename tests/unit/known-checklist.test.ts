import { describe, expect, it } from "vitest";
import { itemsToTick, untickRefusal, type KnownFacts } from "@/domain/incident/known-checklist";
import { CHECKLIST_TEMPLATES } from "@/domain/incident/checklists";

const aware = new Date("2026-03-29T01:30:00Z");
const none: KnownFacts = { awareAt: aware, review: null, actionItems: [] };
const item = (key: string, done = false) => ({ key, done });

describe("checklist items Warden knows", () => {
  it("names only keys that exist in the default checklists", () => {
    const keys = new Set(CHECKLIST_TEMPLATES.map((t) => t.key));
    for (const key of ["awareness-recorded", "review-held", "lessons-recorded", "actions-assigned"])
      expect(keys.has(key)).toBe(true);
  });

  it.each<[string, KnownFacts, string[]]>([
    ["nothing but the awareness moment", none, ["awareness-recorded"]],
    [
      "a review started without lessons",
      { ...none, review: { completed: false, lessons: "  " } },
      ["awareness-recorded"],
    ],
    [
      "lessons written",
      { ...none, review: { completed: false, lessons: "Hardware keys" } },
      ["awareness-recorded", "lessons-recorded"],
    ],
    [
      "review completed",
      { ...none, review: { completed: true, lessons: "x" } },
      ["awareness-recorded", "review-held", "lessons-recorded"],
    ],
    ["no action items yet", { ...none, actionItems: [] }, ["awareness-recorded"]],
    [
      "one action item unassigned",
      { ...none, actionItems: [{ assigned: true }, { assigned: false }] },
      ["awareness-recorded"],
    ],
    [
      "every action item assigned",
      { ...none, actionItems: [{ assigned: true }, { assigned: true }] },
      ["awareness-recorded", "actions-assigned"],
    ],
    ["no awareness moment (never stored, but not assumed)", { ...none, awareAt: null }, []],
  ])("%s", (_, facts, expected) => {
    const items = ["awareness-recorded", "review-held", "lessons-recorded", "actions-assigned", "logs-examined"].map(
      (k) => item(k),
    );
    expect(itemsToTick(items, facts).map((t) => t.item.key)).toEqual(expected);
  });

  it("leaves items already done alone and never ticks manual ones", () => {
    const facts: KnownFacts = {
      awareAt: aware,
      review: { completed: true, lessons: "x" },
      actionItems: [{ assigned: true }],
    };
    expect(itemsToTick([item("review-held", true), item("root-cause-identified")], facts)).toEqual([]);
  });

  it("refuses an untick only while the fact holds", () => {
    expect(untickRefusal("review-held", { ...none, review: { completed: true, lessons: "" } })).toBe(
      "Warden keeps this ticked: the post-incident review was completed.",
    );
    expect(untickRefusal("review-held", { ...none, review: { completed: false, lessons: "" } })).toBeNull();
    expect(untickRefusal("logs-examined", none)).toBeNull();
  });
});
