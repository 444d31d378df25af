import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { formatInstant, formatInstantWithUtc, parseDateTimeInput } from "@/lib/datetime";

describe("formatInstant", () => {
  it("writes day, month, year, 24-hour time and the zone's name", () => {
    expect(formatInstant(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("29 Mar 2026, 03:30 GMT+2");
    expect(formatInstant(new Date("2026-01-05T00:05:00Z"), "America/New_York")).toBe("4 Jan 2026, 19:05 EST");
    expect(formatInstant(new Date("2026-07-01T12:00:00Z"), "UTC")).toBe("1 Jul 2026, 12:00 UTC");
    expect(formatInstant(null, "UTC")).toBe("—");
  });

  it("shows midnight as 00, not 24", () => {
    expect(formatInstant(new Date("2026-06-01T22:00:00Z"), "Europe/Berlin")).toBe("2 Jun 2026, 00:00 GMT+2");
  });

  it("agrees with luxon's 'd LLL yyyy, HH:mm ZZZZ' across zones and DST changes", () => {
    const zones = [
      "UTC",
      "Europe/London",
      "Europe/Berlin",
      "America/New_York",
      "America/Los_Angeles",
      "Asia/Kolkata",
      "Australia/Sydney",
      "Asia/Singapore",
    ];
    let t = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 2000; i++) {
      t += 4 * 3600_000 + 17 * 60_000 + 13_000; // walks through every hour of the day and both DST changes
      const d = new Date(t);
      for (const zone of zones) {
        expect(formatInstant(d, zone)).toBe(
          DateTime.fromJSDate(d, { zone }).setLocale("en-US").toFormat("d LLL yyyy, HH:mm ZZZZ"),
        );
      }
    }
  }, 60_000); // 16,000 comparisons: slow on a busy 2-core machine, and correctness, not speed, is what it checks

  it("writes the zone first and UTC beside it, with UTC's own date when the day differs", () => {
    const at = new Date("2026-03-29T01:30:00Z");
    expect(formatInstantWithUtc(at, "Europe/Berlin")).toBe("29 Mar 2026, 03:30 GMT+2 (01:30 UTC)");
    expect(formatInstantWithUtc(at, "America/Chicago")).toBe("28 Mar 2026, 20:30 CDT (29 Mar 2026, 01:30 UTC)");
    expect(formatInstantWithUtc(at, "UTC")).toBe("29 Mar 2026, 01:30 UTC");
    expect(formatInstantWithUtc(null, "UTC")).toBe("—");
  });
});

describe("parseDateTimeInput", () => {
  it("reads wall time in the zone and moves a skipped time forward", () => {
    expect(parseDateTimeInput("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parseDateTimeInput("2026-03-29T01:30:00Z", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parseDateTimeInput("29/03/2026", "UTC")).toBeNull();
  });

  // found by fuzzing: the database has no year 0, and refused the insert with an error
  it("refuses instants before 1900", () => {
    expect(parseDateTimeInput("0000-01-01T00:00", "UTC")).toBeNull();
    expect(parseDateTimeInput("1899-12-31T23:59", "UTC")).toBeNull();
    expect(parseDateTimeInput("1900-01-01T00:00Z", "Europe/Berlin")?.toISOString()).toBe("1900-01-01T00:00:00.000Z");
  });
});
