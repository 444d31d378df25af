import { DateTime } from "luxon";
import { isoDay } from "@/lib/datetime";

// Public holidays of the countries whose notification law counts business days: Brazil (ANPD,
// "dias úteis") and Japan. Written out from the statutes rather than taken from a holiday library
// (date-holidays is in the registry and well kept, but it brings a dozen dependencies, and which
// days count is a legal choice made here, documented once, not a library's default).

const day = (year: number, month: number, d: number) => isoDay(DateTime.utc(year, month, d));

// A business-day count asks for a year's holidays once per day it steps over: each year's list is
// worked out once and shared (read-only).
const BR_CACHE = new Map<number, ReadonlySet<string>>();
const JP_CACHE = new Map<number, ReadonlySet<string>>();
function once(cache: Map<number, ReadonlySet<string>>, year: number, make: () => ReadonlySet<string>) {
  let days = cache.get(year);
  if (!days) {
    days = make();
    cache.set(year, days);
  }
  return days;
}

/** Easter Sunday (Gregorian calendar), by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, date);
}

/**
 * Brazil's national holidays, the days that are not "dias úteis" when the ANPD's deadlines are
 * counted (Resolution CD/ANPD 15/2024, Art. 6; Law 9.784/1999, Art. 66):
 * - Law 662/1949 as amended by Law 10.607/2002: 1 January, 21 April (Tiradentes), 1 May,
 *   7 September, 2 November, 15 November, 25 December;
 * - Law 6.802/1980: 12 October (Nossa Senhora Aparecida);
 * - Law 14.759/2023: 20 November (Zumbi and Black Consciousness Day), from 2024;
 * - Good Friday (Law 9.093/1995 art. 2; listed as a national holiday in the federal government's
 *   yearly calendar and kept everywhere).
 * Not counted as holidays, on purpose: Carnival Monday and Tuesday, Ash Wednesday morning and
 * Corpus Christi are "pontos facultativos" (optional closures of the federal administration), not
 * holidays by law; counting them as business days gives the earlier, safe due time. State and
 * municipal holidays are not counted either. No holiday moves to a Monday in Brazil.
 */
export function brNationalHolidays(year: number): ReadonlySet<string> {
  return once(BR_CACHE, year, () => brHolidays(year));
}

function brHolidays(year: number): Set<string> {
  const goodFriday = easterSunday(year).minus({ days: 2 });
  const days = [
    day(year, 1, 1),
    isoDay(goodFriday),
    day(year, 4, 21),
    day(year, 5, 1),
    day(year, 9, 7),
    day(year, 10, 12),
    day(year, 11, 2),
    day(year, 11, 15),
    day(year, 12, 25),
  ];
  if (year >= 2024) days.push(day(year, 11, 20));
  return new Set(days);
}

function nthMonday(year: number, month: number, n: number): string {
  let d = DateTime.utc(year, month, 1);
  while (d.weekday !== 1) d = d.plus({ days: 1 });
  return isoDay(d.plus({ weeks: n - 1 }));
}

/**
 * The equinox days as the National Astronomical Observatory announces them each February for the
 * next year; this approximation of the equinox instants in Japan Standard Time agrees with every
 * announcement from 1980 to date and is valid to 2099.
 */
function equinoxes(year: number): { vernal: string; autumnal: string } {
  const y = year - 1980;
  const leapShift = Math.floor(y / 4);
  return {
    vernal: day(year, 3, Math.floor(20.8431 + 0.242194 * y - leapShift)),
    autumnal: day(year, 9, Math.floor(23.2488 + 0.242194 * y - leapShift)),
  };
}

/** The "national holidays" proper (Act on National Holidays, Art. 2) of a year from 2020. */
function jpNamedHolidays(year: number): string[] {
  const { vernal, autumnal } = equinoxes(year);
  const days = [
    day(year, 1, 1), // New Year's Day
    nthMonday(year, 1, 2), // Coming of Age Day
    day(year, 2, 11), // National Foundation Day
    day(year, 2, 23), // Emperor's Birthday (from 2020)
    vernal, // Vernal Equinox Day
    day(year, 4, 29), // Showa Day
    day(year, 5, 3), // Constitution Memorial Day
    day(year, 5, 4), // Greenery Day
    day(year, 5, 5), // Children's Day
    nthMonday(year, 9, 3), // Respect for the Aged Day
    autumnal, // Autumnal Equinox Day
    day(year, 11, 3), // Culture Day
    day(year, 11, 23), // Labour Thanksgiving Day
  ];
  // Marine Day, Mountain Day and Sports Day were moved for the Tokyo Olympics (Act No. 68 of 2018,
  // Act No. 70 of 2020).
  if (year === 2020) days.push(day(2020, 7, 23), day(2020, 7, 24), day(2020, 8, 10));
  else if (year === 2021) days.push(day(2021, 7, 22), day(2021, 7, 23), day(2021, 8, 8));
  else days.push(nthMonday(year, 7, 3), day(year, 8, 11), nthMonday(year, 10, 2));
  return days;
}

/**
 * Japan's public holidays under the Act on National Holidays (Act No. 178 of 1948): the national
 * holidays (Art. 2), a substitute holiday on the first following day that is not a national
 * holiday when one falls on a Sunday (Art. 3(2)), and a "citizens' holiday" on a day between two
 * national holidays (Art. 3(3), e.g. 22 September 2026). The year-end closure of government
 * offices (29 December–3 January, except 1 January) is not a national holiday and is not counted.
 * Written for 2020 onwards (the Emperor's Birthday moved to 23 February in 2020); earlier years
 * are refused rather than guessed.
 */
export function jpNationalHolidays(year: number): ReadonlySet<string> {
  if (year < 2020 || year > 2099)
    throw new Error(`Japanese holidays are written for 2020–2099, not ${year}: business days cannot be counted`);
  return once(JP_CACHE, year, () => jpHolidays(year));
}

function jpHolidays(year: number): Set<string> {
  const named = new Set(jpNamedHolidays(year));
  const all = new Set(named);
  // citizens' holiday: not itself a national holiday, with national holidays either side
  for (const d of named) {
    const next = DateTime.fromISO(d, { zone: "UTC" }).plus({ days: 1 });
    const after = next.plus({ days: 1 });
    if (!named.has(isoDay(next)) && named.has(isoDay(after)) && next.weekday !== 7) all.add(isoDay(next));
  }
  // substitute holiday: a national holiday on a Sunday moves the rest day to the first following
  // day that is not a national holiday (3 May on a Sunday → 6 May)
  for (const d of named) {
    let t = DateTime.fromISO(d, { zone: "UTC" });
    if (t.weekday !== 7) continue;
    do t = t.plus({ days: 1 });
    while (named.has(isoDay(t)));
    all.add(isoDay(t));
  }
  return all;
}
