import { DateTime, IANAZone } from "luxon";

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** "2026-03-29": the calendar day of a DateTime the code built itself; an invalid one is a bug, so it throws. */
export function isoDay(d: DateTime): string {
  const day = d.toISODate();
  if (day === null) throw new Error(`not a valid date: ${d.invalidExplanation ?? d.invalidReason ?? "unknown reason"}`);
  return day;
}

/** The earliest instant a form may name: nothing this app records happened before it, and the database has no year 0. */
export const EARLIEST_INPUT = new Date("1900-01-01T00:00:00Z");

/**
 * A date-time typed in a form ("2026-03-29T01:30", read as wall time in `zone`) or sent by an
 * API with an offset ("2026-03-29T01:30:00Z"). Null when it is not a real instant, or is before
 * 1900; a wall time skipped by a DST change is moved forward, as clocks do.
 */
export function parseDateTimeInput(value: string, zone: string): Date | null {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(v);
  const dt = hasOffset ? DateTime.fromISO(v, { setZone: true }) : DateTime.fromISO(v, { zone });
  return dt.isValid && dt.toMillis() >= EARLIEST_INPUT.getTime() ? dt.toJSDate() : null;
}

/** "2026-03-29T03:30" in `zone`, for a datetime-local input's value. */
export function toDateTimeInput(date: Date | null | undefined, zone: string): string {
  if (!date) return "";
  return remembered(inputTexts, zone, date, () => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-LL-dd'T'HH:mm"));
}

// The texts of instants already shown, per zone: a page draws the same few dozen instants on
// every visit (an incident's times, its timeline), and formatting one in a zone costs tens of
// microseconds. Bounded: emptied when full, since a text is cheap to make again.
const REMEMBERED_MAX = 20_000;
const instantTexts = new Map<string, string>();
const inputTexts = new Map<string, string>();
function remembered(texts: Map<string, string>, zone: string, date: Date, make: () => string): string {
  const key = `${zone} ${date.getTime()}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = make();
    if (texts.size >= REMEMBERED_MAX) texts.clear();
    texts.set(key, text);
  }
  return text;
}

// One Intl formatter per zone, made once: building a formatter costs far more than using it, and
// lists format hundreds of instants per page.
const instantFormats = new Map<string, Intl.DateTimeFormat>();
function instantFormat(zone: string): Intl.DateTimeFormat {
  let f = instantFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    instantFormats.set(zone, f);
  }
  return f;
}

/** "29 Mar 2026, 03:30 GMT+2": always with the zone, so nobody guesses. */
export function formatInstant(date: Date | null | undefined, zone: string): string {
  if (!date) return "—";
  return remembered(instantTexts, zone, date, () => {
    const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of instantFormat(zone).formatToParts(date)) p[part.type] = part.value;
    return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
  });
}

/**
 * "29 Mar 2026, 03:30 GMT+2 (01:30 UTC)": the reader's zone first, UTC beside it (with its own
 * date when the day differs), as client documents and notices show every time.
 */
export function formatInstantWithUtc(date: Date | null | undefined, zone: string): string {
  if (!date) return "—";
  const local = formatInstant(date, zone);
  const utc = formatInstant(date, "UTC");
  if (local === utc) return local;
  const sameDay = local.slice(0, local.indexOf(",")) === utc.slice(0, utc.indexOf(","));
  return `${local} (${sameDay ? utc.slice(utc.indexOf(",") + 2) : utc})`;
}
