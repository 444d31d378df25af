import { DateTime } from "luxon";
import { isoDay } from "@/lib/datetime";
import { brNationalHolidays, jpNationalHolidays } from "./holidays";
import type { HolidayCalendar } from "./types";

// Counting time the way notification law does. All functions are pure and take the zone in
// which days are counted; DST is handled by luxon (a "day" is a calendar day, not 24 hours).

export type Holidays = "NONE" | HolidayCalendar;

function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  // weekday: 1 = Monday … 7 = Sunday (luxon); n: 1-based, or -1 for the last
  if (n > 0) {
    let d = DateTime.utc(year, month, 1);
    while (d.weekday !== weekday) d = d.plus({ days: 1 });
    return isoDay(d.plus({ weeks: n - 1 }));
  }
  let d = DateTime.utc(year, month, 1).endOf("month").startOf("day");
  while (d.weekday !== weekday) d = d.minus({ days: 1 });
  return isoDay(d);
}

function observed(year: number, month: number, day: number): string {
  const d = DateTime.utc(year, month, day);
  if (d.weekday === 6) return isoDay(d.minus({ days: 1 }));
  if (d.weekday === 7) return isoDay(d.plus({ days: 1 }));
  return isoDay(d);
}

/**
 * US federal holidays (5 U.S.C. 6103) as observed: a Saturday holiday is kept on the Friday
 * before, a Sunday one on the Monday after. Written out rather than taken from a holiday
 * library because the SEC's business days are exactly this list, no more.
 */
export function usFederalHolidays(year: number): Set<string> {
  return new Set([
    observed(year, 1, 1),
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    observed(year, 6, 19), // Juneteenth
    observed(year, 7, 4),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(year, 11, 11),
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    observed(year, 12, 25),
    observed(year + 1, 1, 1), // 1 January of next year observed on 31 December
  ]);
}

/** The holidays of a calendar in a year; refuses a calendar named in rule data but not written here. */
export function holidaysOf(calendar: HolidayCalendar, year: number): ReadonlySet<string> {
  switch (calendar) {
    case "US_FEDERAL":
      return usFederalHolidays(year);
    case "BR_NATIONAL":
      return brNationalHolidays(year);
    case "JP_NATIONAL":
      return jpNationalHolidays(year);
  }
}

export function isBusinessDay(day: DateTime, holidays: Holidays): boolean {
  if (day.weekday >= 6) return false;
  if (holidays !== "NONE" && holidaysOf(holidays, day.year).has(isoDay(day))) return false;
  return true;
}

export function addHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * 3600_000);
}

/** The end (23:59:59.999) of the nth calendar day after the start day, in `zone`. */
export function endOfCalendarDays(start: Date, days: number, zone: string): Date {
  return DateTime.fromJSDate(start, { zone }).plus({ days }).endOf("day").toJSDate();
}

/** The end of the nth business day after the start day (the start day itself not counted). */
export function endOfBusinessDays(start: Date, days: number, zone: string, holidays: Holidays): Date {
  let d = DateTime.fromJSDate(start, { zone }).startOf("day");
  let counted = 0;
  while (counted < days) {
    d = d.plus({ days: 1 });
    if (isBusinessDay(d, holidays)) counted += 1;
  }
  return d.endOf("day").toJSDate();
}

/** Same wall-clock time n months later, in `zone` (31 January + 1 month = 28 or 29 February). */
export function addMonths(start: Date, months: number, zone: string): Date {
  return DateTime.fromJSDate(start, { zone }).plus({ months }).toJSDate();
}

/**
 * n working hours after start, counting only Monday–Friday 09:00–17:00 in `zone`: a notice due
 * "24 business hours" after a Friday-evening discovery is due three working days later.
 */
export function addBusinessHours(
  start: Date,
  hours: number,
  zone: string,
  open = 9,
  close = 17,
  holidays: Holidays = "NONE",
): Date {
  let t = DateTime.fromJSDate(start, { zone });
  let remaining = hours * 60;
  for (let guard = 0; remaining > 0 && guard < 10_000; guard++) {
    const dayOpen = t.set({ hour: open, minute: 0, second: 0, millisecond: 0 });
    const dayClose = t.set({ hour: close, minute: 0, second: 0, millisecond: 0 });
    if (!isBusinessDay(t, holidays) || t >= dayClose) {
      t = t.plus({ days: 1 }).set({ hour: open, minute: 0, second: 0, millisecond: 0 });
      continue;
    }
    if (t < dayOpen) t = dayOpen;
    const available = dayClose.diff(t, "minutes").minutes;
    if (remaining <= available) return t.plus({ minutes: remaining }).toJSDate();
    remaining -= available;
    t = t.plus({ days: 1 }).set({ hour: open, minute: 0, second: 0, millisecond: 0 });
  }
  return t.toJSDate();
}
