import { describe, expect, it } from "vitest";
import { attachmentName, countCsvRecords, CSV_PROGRESS_START } from "@/lib/csv-progress";
import { csvRows } from "@/lib/csv";

describe("countCsvRecords", () => {
  const rows = [
    ["Reference", "Title"],
    ["INC-1", "plain"],
    ["INC-2", "line one\r\nline two"],
    ["INC-3", 'she said "stop", then left'],
    ["INC-4", '"\n"'],
  ];
  const text = csvRows(rows);

  it("counts records, not line breaks inside quoted fields", () => {
    expect(countCsvRecords(CSV_PROGRESS_START, text)).toEqual({ records: 5, inQuotes: false });
  });

  it("gives the same count however the stream is cut into chunks", () => {
    for (let size = 1; size <= 9; size++) {
      let state = CSV_PROGRESS_START;
      for (let i = 0; i < text.length; i += size) state = countCsvRecords(state, text.slice(i, i + size));
      expect(state.records).toBe(5);
    }
  });
});

describe("attachmentName", () => {
  it("reads the file name of a download, with a fallback", () => {
    expect(attachmentName('attachment; filename="incidents-2026-11-24.csv"', "export.csv")).toBe(
      "incidents-2026-11-24.csv",
    );
    expect(attachmentName(null, "export.csv")).toBe("export.csv");
  });
});
