import { describe, expect, it } from "vitest";
import { factsCountProblems, subjectCountProblems } from "@/domain/incident/subject-counts";

const facts = (dataSubjectsCount: number | null, jurisdictions: string[], by: Record<string, number> | null) => ({
  dataSubjectsCount,
  jurisdictions,
  subjectsByJurisdiction: by,
});

describe("people affected per jurisdiction agree with the facts", () => {
  it.each([
    ["counts adding up to the total", facts(1000, ["US-CA", "US-TX"], { "US-CA": 600, "US-TX": 400 })],
    ["counts below the total", facts(1000, ["US-CA", "US-TX"], { "US-CA": 600 })],
    ["no total recorded", facts(null, ["US-CA"], { "US-CA": 5_000 })],
    ["no counts", facts(10, ["DE"], null)],
  ])("accepts %s", (_label, f) => {
    expect(subjectCountProblems(f)).toEqual({});
    expect(factsCountProblems(f)).toEqual({});
  });

  it("refuses counts one more than the total, naming both figures", () => {
    expect(subjectCountProblems(facts(1000, ["US-CA", "US-TX"], { "US-CA": 601, "US-TX": 400 }))).toEqual({
      subjectsByJurisdiction: [
        "These add up to 1,001, more than the 1,000 people affected recorded in the facts. Correct the counts or the total.",
      ],
    });
  });

  it("refuses an unknown jurisdiction code and one not among the incident's", () => {
    expect(subjectCountProblems(facts(null, ["US-CA"], { "US-ZZ": 3, "US-TX": 4 }))).toEqual({
      subjectsByJurisdiction: [
        "Unknown jurisdiction: US-ZZ.",
        "Not among the incident's jurisdictions: Texas (US) (US-TX). Add it to the facts first.",
      ],
    });
  });

  it("refuses a total lowered below the counts, and a jurisdiction removed while people are counted in it", () => {
    expect(factsCountProblems(facts(999, ["US-CA"], { "US-CA": 600, "US-TX": 400 }))).toEqual({
      dataSubjectsCount: [
        "Fewer than the 1,000 counted per jurisdiction in the assessment. Correct those counts first, or enter at least 1,000.",
      ],
      jurisdictions: ["People are counted in Texas (US) (400) in the assessment. Remove those counts first."],
    });
    // the total at exactly the sum is fine; a zero count in a removed place holds nothing
    expect(factsCountProblems(facts(1000, ["US-CA"], { "US-CA": 1000, "US-TX": 0 }))).toEqual({});
  });
});
