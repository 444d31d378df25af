import { describe, expect, it } from "vitest";
import { onCallAt, upcomingShifts, type OverrideShape, type RotaShape } from "@/domain/on-call/on-call-at";

// Expected instants worked out by hand from the zones' rules: US daylight time 2026 starts
// 8 Mar (02:00 EST -> 03:00 EDT) and ends 1 Nov (02:00 EDT -> 01:00 EST); UK summer time 2026
// starts 29 Mar (01:00 GMT -> 02:00 BST) and ends 25 Oct (02:00 BST -> 01:00 GMT).

const three = ["ann", "bob", "cat"];
const nyWeeklySpring: RotaShape = {
  timeZone: "America/New_York",
  handoverTime: "09:00",
  shiftHours: 168,
  startsOn: "2026-03-02", // 09:00 EST = 14:00Z
  memberIds: three,
  secondaryUserId: null,
};
const nyWeeklyAutumn: RotaShape = { ...nyWeeklySpring, startsOn: "2026-10-26" }; // 09:00 EDT = 13:00Z
const london12hSpring: RotaShape = {
  timeZone: "Europe/London",
  handoverTime: "08:00",
  shiftHours: 12,
  startsOn: "2026-03-28", // 08:00 GMT
  memberIds: ["ann", "bob"],
  secondaryUserId: null,
};
const london12hAutumn: RotaShape = { ...london12hSpring, startsOn: "2026-10-24" }; // 08:00 BST = 07:00Z
const nyDailyInGap: RotaShape = {
  timeZone: "America/New_York",
  handoverTime: "02:30",
  shiftHours: 24,
  startsOn: "2026-03-07", // 02:30 EST = 07:30Z; 8 Mar 02:30 does not exist -> 03:30 EDT = 07:30Z
  memberIds: ["ann", "bob"],
  secondaryUserId: null,
};

const made = (iso: string) => new Date(iso);
const dan: OverrideShape = {
  userId: "dan",
  startsAt: made("2026-03-10T15:00:00Z"),
  endsAt: made("2026-03-10T23:00:00Z"),
  createdAt: made("2026-03-01T00:00:00Z"),
};
const eve: OverrideShape = { ...dan, userId: "eve", createdAt: made("2026-03-02T00:00:00Z") };
const catCover: OverrideShape = {
  userId: "cat",
  startsAt: made("2026-03-11T00:00:00Z"),
  endsAt: made("2026-03-11T06:00:00Z"),
  createdAt: made("2026-03-01T00:00:00Z"),
};

type Row = [string, RotaShape, OverrideShape[], string, string | null, string | null, string];
// name, rota, overrides, at, primary, secondary, until
const rows: Row[] = [
  ["weekly: the first handover", nyWeeklySpring, [], "2026-03-02T14:00:00Z", "ann", "bob", "2026-03-09T13:00:00Z"],
  [
    "weekly: a second before the rota starts counts back",
    nyWeeklySpring,
    [],
    "2026-03-02T13:59:59Z",
    "cat",
    "ann",
    "2026-03-02T14:00:00Z",
  ],
  [
    "weekly: spring, 08:59:59 EDT still the old shift",
    nyWeeklySpring,
    [],
    "2026-03-09T12:59:59Z",
    "ann",
    "bob",
    "2026-03-09T13:00:00Z",
  ],
  [
    "weekly: spring, handover at 09:00 EDT (13:00Z)",
    nyWeeklySpring,
    [],
    "2026-03-09T13:00:00Z",
    "bob",
    "cat",
    "2026-03-16T13:00:00Z",
  ],
  [
    "weekly: spring, 09:30 EDT is bob, not 168 real hours on",
    nyWeeklySpring,
    [],
    "2026-03-09T13:30:00Z",
    "bob",
    "cat",
    "2026-03-16T13:00:00Z",
  ],
  ["weekly: third week", nyWeeklySpring, [], "2026-03-20T00:00:00Z", "cat", "ann", "2026-03-23T13:00:00Z"],
  [
    "weekly: wraps round to the first member",
    nyWeeklySpring,
    [],
    "2026-03-23T13:00:00Z",
    "ann",
    "bob",
    "2026-03-30T13:00:00Z",
  ],
  [
    "weekly: autumn, the repeated 01:30 EST hour",
    nyWeeklyAutumn,
    [],
    "2026-11-01T06:30:00Z",
    "ann",
    "bob",
    "2026-11-02T14:00:00Z",
  ],
  [
    "weekly: autumn, 08:30 EST still ann",
    nyWeeklyAutumn,
    [],
    "2026-11-02T13:30:00Z",
    "ann",
    "bob",
    "2026-11-02T14:00:00Z",
  ],
  [
    "weekly: autumn, handover at 09:00 EST (14:00Z)",
    nyWeeklyAutumn,
    [],
    "2026-11-02T14:00:00Z",
    "bob",
    "cat",
    "2026-11-09T14:00:00Z",
  ],
  ["12 h: first day shift", london12hSpring, [], "2026-03-28T08:00:00Z", "ann", "bob", "2026-03-28T20:00:00Z"],
  [
    "12 h: last minute of the day shift",
    london12hSpring,
    [],
    "2026-03-28T19:59:00Z",
    "ann",
    "bob",
    "2026-03-28T20:00:00Z",
  ],
  [
    "12 h: night shift across spring-forward (11 real hours)",
    london12hSpring,
    [],
    "2026-03-28T20:00:00Z",
    "bob",
    "ann",
    "2026-03-29T07:00:00Z",
  ],
  [
    "12 h: 07:59 BST still the night shift",
    london12hSpring,
    [],
    "2026-03-29T06:59:00Z",
    "bob",
    "ann",
    "2026-03-29T07:00:00Z",
  ],
  [
    "12 h: day shift from 08:00 BST (07:00Z)",
    london12hSpring,
    [],
    "2026-03-29T07:00:00Z",
    "ann",
    "bob",
    "2026-03-29T19:00:00Z",
  ],
  [
    "12 h: night shift across fall-back (13 real hours)",
    london12hAutumn,
    [],
    "2026-10-25T07:30:00Z",
    "bob",
    "ann",
    "2026-10-25T08:00:00Z",
  ],
  ["12 h: day shift from 08:00 GMT", london12hAutumn, [], "2026-10-25T08:00:00Z", "ann", "bob", "2026-10-25T20:00:00Z"],
  [
    "handover time in the spring gap: before it",
    nyDailyInGap,
    [],
    "2026-03-08T07:29:00Z",
    "ann",
    "bob",
    "2026-03-08T07:30:00Z",
  ],
  [
    "handover time in the spring gap: moves to 03:30 EDT",
    nyDailyInGap,
    [],
    "2026-03-08T07:30:00Z",
    "bob",
    "ann",
    "2026-03-09T06:30:00Z",
  ],
  [
    "override inside a shift takes the pager",
    nyWeeklySpring,
    [dan],
    "2026-03-10T16:00:00Z",
    "dan",
    "cat",
    "2026-03-10T23:00:00Z",
  ],
  [
    "override ends: back to the scheduled member",
    nyWeeklySpring,
    [dan],
    "2026-03-10T23:00:00Z",
    "bob",
    "cat",
    "2026-03-16T13:00:00Z",
  ],
  [
    "an override ahead in the shift ends the current turn early",
    nyWeeklySpring,
    [dan],
    "2026-03-10T14:00:00Z",
    "bob",
    "cat",
    "2026-03-10T15:00:00Z",
  ],
  [
    "the secondary covering: the scheduled primary becomes secondary",
    nyWeeklySpring,
    [catCover],
    "2026-03-11T01:00:00Z",
    "cat",
    "bob",
    "2026-03-11T06:00:00Z",
  ],
  [
    "overlapping overrides: the latest made wins",
    nyWeeklySpring,
    [dan, eve],
    "2026-03-10T16:00:00Z",
    "eve",
    "cat",
    "2026-03-10T23:00:00Z",
  ],
  [
    "fixed secondary",
    { ...nyWeeklySpring, secondaryUserId: "lead" },
    [],
    "2026-03-09T13:00:00Z",
    "bob",
    "lead",
    "2026-03-16T13:00:00Z",
  ],
  [
    "fixed secondary who is the primary: none",
    { ...nyWeeklySpring, secondaryUserId: "bob" },
    [],
    "2026-03-10T00:00:00Z",
    "bob",
    null,
    "2026-03-16T13:00:00Z",
  ],
  [
    "one member: no secondary",
    { ...nyWeeklySpring, memberIds: ["ann"] },
    [],
    "2026-03-20T00:00:00Z",
    "ann",
    null,
    "2026-03-23T13:00:00Z",
  ],
  [
    "no members: nobody",
    { ...nyWeeklySpring, memberIds: [] },
    [],
    "2026-03-20T00:00:00Z",
    null,
    null,
    "2026-03-23T13:00:00Z",
  ],
];

describe("onCallAt", () => {
  it.each(rows)("%s", (_name, rota, overrides, at, primary, secondary, until) => {
    const got = onCallAt(rota, overrides, new Date(at));
    expect({ primary: got.primaryId, secondary: got.secondaryId, until: got.until.toISOString() }).toEqual({
      primary,
      secondary,
      until: new Date(until).toISOString(),
    });
  });

  it("marks a covered shift as overridden and keeps the shift's own bounds", () => {
    const got = onCallAt(nyWeeklySpring, [dan], new Date("2026-03-10T16:00:00Z"));
    expect(got.overridden).toBe(true);
    expect(got.shiftStart.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(got.shiftEnd.toISOString()).toBe("2026-03-16T13:00:00.000Z");
  });

  it("refuses a malformed handover time or zone", () => {
    expect(() => onCallAt({ ...nyWeeklySpring, handoverTime: "9am" }, [], new Date())).toThrow(/HH:MM/);
    expect(() => onCallAt({ ...nyWeeklySpring, timeZone: "Mars/Olympus" }, [], new Date())).toThrow(/time zone/);
  });
});

describe("upcomingShifts", () => {
  it("lists the next handovers at 08:00 and 20:00 London time across the spring change", () => {
    const next = upcomingShifts(london12hSpring, new Date("2026-03-28T12:00:00Z"), 3).map((s) => [
      s.startsAt.toISOString(),
      s.memberId,
    ]);
    expect(next).toEqual([
      ["2026-03-28T20:00:00.000Z", "bob"],
      ["2026-03-29T07:00:00.000Z", "ann"],
      ["2026-03-29T19:00:00.000Z", "bob"],
    ]);
  });
});
