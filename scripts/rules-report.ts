// `npm run rules:report`: every deadline rule Warden ships, as a table for a compliance officer
// to review in one place (jurisdiction, clock, recipient, thresholds, dates in force, confirmed
// or not, sources). Options after `--`: `--blocks` one block per rule (a narrow terminal),
// `--tsv` tab-separated values for a spreadsheet, `--filter <text>` only the rules whose group,
// jurisdiction, regime, id or citation contain the text, `--readme` rewrites the coverage table
// in README.md (between its rules-coverage markers) from the rule set's counts.
import { readFileSync, writeFileSync } from "node:fs";
import { DateTime } from "luxon";
import { RULE_GROUPS } from "../src/domain/deadlines/rules";
import {
  coverageOf,
  filterReport,
  formatReport,
  formatReportTable,
  formatReportTsv,
  rulesReport,
  withCoverage,
} from "../src/domain/deadlines/rules-report";

const args = process.argv.slice(2);
const at = args.indexOf("--filter");
const query = at >= 0 ? (args[at + 1] ?? "") : "";
const today = DateTime.utc().toISODate() ?? "1970-01-01";
const rows = filterReport(rulesReport(RULE_GROUPS, today), query);
const coverage = coverageOf(RULE_GROUPS);
if (args.includes("--readme")) {
  const updated = withCoverage(readFileSync("README.md", "utf8"), coverage);
  if (updated === null) {
    console.error("rules:report: README.md has no rules-coverage markers");
    process.exit(1);
  }
  writeFileSync("README.md", updated);
  console.log(`README.md: coverage of ${coverage.rules} rules in ${coverage.groups.length} groups written.`);
  process.exit(0);
}
// piped into `head` or `less` and closed early: stop quietly
process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
process.stdout.write(
  args.includes("--tsv")
    ? formatReportTsv(rows)
    : args.includes("--blocks")
      ? formatReport(rows, coverage)
      : formatReportTable(rows, coverage),
);
