import { describe, expect, it } from "vitest";
import {
  dashboardReportDocument,
  dashboardReportSections,
  dashboardReportTitle,
  type DashboardReportInput,
} from "@/domain/reports/dashboard-report";
import { renderDocument } from "@/server/pdf/render-document";
import { readPdf } from "../support/read-pdf";

const H = 3600;
const input: DashboardReportInput = {
  organization: "Northbridge BPO",
  scope: "Mercy Regional Health",
  fromDay: "2026-09-01",
  toDay: "2026-11-24",
  asOf: "24 Nov 2026, 14:05 UTC",
  figures: {
    open: {
      phase: [{ key: "CONTAIN", count: 2 }],
      severity: [{ key: "HIGH", count: 2 }],
      type: [{ key: "DATA_BREACH", count: 2 }],
      client: [{ key: "Mercy Regional Health", count: 2 }],
      total: 2,
    },
    late: {
      count: 1,
      rows: [
        {
          reference: "INC-2026-0007",
          title: "Lost laptop",
          clientName: "Mercy Regional Health",
          severity: "HIGH",
          phase: "CONTAIN",
          target: "contain",
          lateBy: 5400,
        },
      ],
    },
    windows: { overdue: 1, next24h: 0, next7d: 3 },
    k: {
      incidents: 4,
      detect: { median: 2 * H, mean: 4 * H, n: 3 },
      contain: { median: 26 * H, mean: null, n: 1 },
      resolve: { median: null, mean: null, n: 0 },
      close: { median: null, mean: null, n: 0 },
      notices: { onTime: 1, total: 2, rate: 0.5 },
      actionItems: { open: 3, overdue: 1 },
    },
    perClient: [{ key: "Mercy Regional Health", count: 4 }],
    weekly: [
      { week: "2026-11-16", type: "DATA_BREACH", count: 3 },
      { week: "2026-11-16", type: "CYBERATTACK", count: 1 },
    ],
  },
};

describe("dashboard report", () => {
  const sections = dashboardReportSections(input);
  const text = (heading: RegExp) => sections.find((s) => heading.test(s.heading))!.lines.join("\n");

  it("words the same figures as the page, with labels rather than codes", () => {
    expect(text(/^Open now/)).toContain(
      "2 open incidents; 1 past their internal targets; notices: 1 overdue, 0 due in 24 h, 3 due in 7 days.",
    );
    expect(text(/^Open now/)).toContain("- Contain: 2");
    expect(text(/^Open now/)).toContain("- Data breach: 2");
    expect(text(/^Response times, 2026-09-01 to 2026-11-24 \(4 incidents\)$/)).toContain(
      "- Time to detect (occurred → detected): median 2 h 0 min, mean 4 h 0 min (3 incidents)",
    );
    expect(text(/^Response times/)).toContain(
      "- Time to contain (aware → contained): median 1 d 2 h, mean — (1 incident)",
    );
    expect(text(/^Response times/)).toContain("- Notices on time: 50 % (1 of 2)");
    expect(text(/^Response times/)).toContain("- Post-mortem action items: 3 open, 1 overdue");
    expect(text(/^Incidents per week/)).toBe("- Week of 2026-11-16: Data breach 3, Cyberattack 1");
    expect(text(/^Past internal targets \(1\)$/)).toBe(
      "- INC-2026-0007 Lost laptop (Mercy Regional Health; High; Contain): containment late by 1 h 30 min",
    );
  });

  it("says so when a list is empty, and names the scope in the title", () => {
    const empty = dashboardReportSections({
      ...input,
      figures: { ...input.figures, perClient: [], weekly: [], late: { count: 0, rows: [] } },
    });
    expect(empty.find((s) => s.heading.startsWith("Incidents per client"))!.lines).toEqual(["- none"]);
    expect(empty.find((s) => s.heading.startsWith("Past internal targets"))!.lines).toEqual([
      "- every open incident is within its targets",
    ]);
    expect(dashboardReportTitle(input)).toBe(
      "Northbridge BPO: incident dashboard, Mercy Regional Health, 2026-09-01 to 2026-11-24",
    );
  });

  it("prints the figures as tables under the organization's name, with labels rather than codes", async () => {
    const pdf = await readPdf(
      await renderDocument(
        dashboardReportDocument(input, { preparedFor: "Morgan Manager", timeZone: "Europe/Berlin" }),
      ),
    );
    const text = pdf.text.replace(/\s+/g, " ");
    expect(pdf.title).toBe("Northbridge BPO: incident dashboard, Mercy Regional Health, 2026-09-01 to 2026-11-24");
    expect(text).toContain("Northbridge BPO");
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).toContain("Time to detect (occurred → detected) 2 h 0 min 4 h 0 min 3");
    expect(text).toContain(
      "INC-2026-0007 Lost laptop Mercy Regional Health High Contain Containment late by 1 h 30 min",
    );
    expect(text).not.toMatch(/DATA_BREACH|CONTAIN\b|HIGH\b/);
  });
});
