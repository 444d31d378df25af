import { describe, expect, it } from "vitest";
import {
  erasureDueAt,
  erasurePolicy,
  erasureVerdict,
  isErasable,
  type RetentionFacts,
} from "@/domain/retention/erasure";

const d = (iso: string) => new Date(iso);

describe("erasureDueAt: the start of the day after the Nth anniversary of closing, in the client's zone", () => {
  // expected instants worked out by hand from the zone's offset on that date
  it.each([
    ["an ordinary close", "2020-03-10T15:00:00Z", 6, "UTC", "2026-03-11T00:00:00Z"],
    ["closed a minute before midnight", "2020-03-10T23:59:00Z", 6, "UTC", "2026-03-11T00:00:00Z"],
    [
      "closed on a leap day, common-year anniversary (28 Feb)",
      "2020-02-29T12:00:00Z",
      6,
      "UTC",
      "2026-03-01T00:00:00Z",
    ],
    ["closed on a leap day, leap-year anniversary", "2020-02-29T12:00:00Z", 4, "UTC", "2024-03-01T00:00:00Z"],
    [
      "anniversary on 28 Feb of a leap year: due on the leap day",
      "2019-02-28T12:00:00Z",
      1,
      "UTC",
      "2020-02-29T00:00:00Z",
    ],
    [
      "still 31 Dec in New York when it is 1 Jan in UTC",
      "2020-01-01T03:00:00Z",
      6,
      "America/New_York",
      "2026-01-01T05:00:00Z",
    ],
    [
      "the midnight before Berlin's spring change is still CET",
      "2020-03-28T12:00:00Z",
      6,
      "Europe/Berlin",
      "2026-03-28T23:00:00Z",
    ],
    [
      "a leap day in Tokyo that is the 29th only there",
      "2024-02-29T14:30:00Z",
      1,
      "Asia/Tokyo",
      "2025-02-28T15:00:00Z",
    ],
    ["the longest retention", "2000-06-15T10:00:00Z", 50, "UTC", "2050-06-16T00:00:00Z"],
  ])("%s", (_name, closedAt, years, zone, due) => {
    expect(erasureDueAt(d(closedAt), years, zone).toISOString()).toBe(d(due).toISOString());
  });

  it("is never earlier than the full retention", () => {
    for (const closed of ["2020-02-29T23:59:59Z", "2021-12-31T23:59:59Z", "2020-01-01T00:00:00Z"]) {
      for (const years of [1, 4, 6]) {
        const due = erasureDueAt(d(closed), years, "Pacific/Kiritimati");
        const anniversary = new Date(d(closed));
        anniversary.setUTCFullYear(anniversary.getUTCFullYear() + years);
        expect(due.getTime()).toBeGreaterThan(anniversary.getTime() - 86_400_000); // clamped leap days aside, never a day early
        expect(due.getTime()).toBeGreaterThan(d(closed).getTime() + years * 365 * 86_400_000);
      }
    }
  });

  it("refuses a retention that is not a whole number of years, and an unknown zone", () => {
    expect(() => erasureDueAt(d("2020-01-01T00:00:00Z"), 0, "UTC")).toThrow(RangeError);
    expect(() => erasureDueAt(d("2020-01-01T00:00:00Z"), 1.5, "UTC")).toThrow(RangeError);
    expect(() => erasureDueAt(d("2020-01-01T00:00:00Z"), 6, "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("erasureVerdict: closed, past retention, and held by nothing", () => {
  const closedAt = d("2020-03-10T15:00:00Z");
  const due = d("2026-03-11T00:00:00Z");
  const base: RetentionFacts = {
    phase: "CLOSED",
    closedAt,
    erasedAt: null,
    legalHoldAt: null,
    client: { retentionYears: 6, timeZone: "UTC", legalHoldAt: null },
  };
  const hold = d("2025-01-01T00:00:00Z");
  it.each<
    [string, Partial<RetentionFacts>, Partial<RetentionFacts["client"]>, string, ReturnType<typeof erasureVerdict>]
  >([
    ["due and not held", {}, {}, "2026-06-01T00:00:00Z", { erasable: true, dueAt: due }],
    ["at the very instant it falls due", {}, {}, "2026-03-11T00:00:00Z", { erasable: true, dueAt: due }],
    ["a millisecond before", {}, {}, "2026-03-10T23:59:59.999Z", { erasable: false, reason: "NOT_DUE", dueAt: due }],
    [
      "held on the incident",
      { legalHoldAt: hold },
      {},
      "2030-01-01T00:00:00Z",
      { erasable: false, reason: "INCIDENT_HOLD", dueAt: due },
    ],
    [
      "held on the client",
      {},
      { legalHoldAt: hold },
      "2030-01-01T00:00:00Z",
      { erasable: false, reason: "CLIENT_HOLD", dueAt: due },
    ],
    [
      "held on both: the incident's hold is named",
      { legalHoldAt: hold },
      { legalHoldAt: hold },
      "2030-01-01T00:00:00Z",
      { erasable: false, reason: "INCIDENT_HOLD", dueAt: due },
    ],
    [
      "held but not yet due: the hold is named (the preview lists it)",
      { legalHoldAt: hold },
      {},
      "2026-03-01T00:00:00Z",
      { erasable: false, reason: "INCIDENT_HOLD", dueAt: due },
    ],
    [
      "not closed (still open)",
      { phase: "INVESTIGATE", closedAt: null },
      {},
      "2040-01-01T00:00:00Z",
      { erasable: false, reason: "NOT_CLOSED" },
    ],
    [
      "reopened: its phase is open again, whatever closing time it kept",
      { phase: "POST_MORTEM" },
      {},
      "2040-01-01T00:00:00Z",
      { erasable: false, reason: "NOT_CLOSED" },
    ],
    [
      "reopened and closed again later: counted from the last close",
      { closedAt: d("2024-05-02T09:00:00Z") },
      {},
      "2026-06-01T00:00:00Z",
      { erasable: false, reason: "NOT_DUE", dueAt: d("2030-05-03T00:00:00Z") },
    ],
    [
      "already erased",
      { erasedAt: d("2026-03-11T03:17:00Z") },
      {},
      "2027-01-01T00:00:00Z",
      { erasable: false, reason: "ALREADY_ERASED" },
    ],
    [
      "a longer contract term keeps it",
      {},
      { retentionYears: 10 },
      "2026-06-01T00:00:00Z",
      { erasable: false, reason: "NOT_DUE", dueAt: d("2030-03-11T00:00:00Z") },
    ],
    [
      "a shorter one lets it go sooner",
      {},
      { retentionYears: 1 },
      "2021-03-11T00:00:00Z",
      { erasable: true, dueAt: d("2021-03-11T00:00:00Z") },
    ],
  ])("%s", (_name, facts, client, now, verdict) => {
    const input = { ...base, ...facts, client: { ...base.client, ...client } };
    expect(erasureVerdict(input, d(now))).toEqual(verdict);
    expect(isErasable(input, d(now))).toBe(verdict.erasable);
  });
});

describe("erasurePolicy", () => {
  it("names the years and the contract", () => {
    expect(erasurePolicy({ name: "Acme Health", retentionYears: 6 })).toBe(
      "Client retention: 6 years after closing (Acme Health contract)",
    );
    expect(erasurePolicy({ name: "Acme Health", retentionYears: 1, contractReference: "MSA §14.3" })).toBe(
      "Client retention: 1 year after closing (Acme Health contract, MSA §14.3)",
    );
  });
});
