import { describe, expect, it } from "vitest";
import { csvRows, safeCell } from "@/lib/csv";

describe("CSV export cells", () => {
  it.each([
    ["plain", "plain"],
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ["+1-800", "'+1-800"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    [null, ""],
    [42, "42"],
    [new Date("2026-03-29T01:30:00Z"), "2026-03-29T01:30:00.000Z"],
  ])("%j → %j", (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it("quotes commas, quotes and newlines, one record per CRLF line", () => {
    expect(
      csvRows([
        ["a,b", 'say "hi"', "line1\nline2"],
        ["=1+1", "ok", ""],
      ]),
    ).toBe('"a,b","say ""hi""","line1\nline2"\r\n\'=1+1,ok,\r\n');
  });
});
