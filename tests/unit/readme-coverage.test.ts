import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULE_GROUPS } from "@/domain/deadlines/rules";
import { coverageOf, withCoverage } from "@/domain/deadlines/rules-report";

// The README's coverage table is generated from the rules (npm run rules:report -- --readme):
// a rule added, removed or moved without running it leaves the README telling users otherwise.
describe("README deadline coverage", () => {
  it("is the table the shipped rules give", () => {
    const readme = readFileSync("README.md", "utf8");
    const regenerated = withCoverage(readme, coverageOf(RULE_GROUPS));
    expect(regenerated, "README.md has no rules-coverage markers").not.toBeNull();
    expect(regenerated === readme, "README coverage is stale: run npm run rules:report -- --readme").toBe(true);
  });
});
