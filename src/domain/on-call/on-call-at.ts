import { DateTime } from "luxon";

// Who is on call at an instant. Shifts are counted in the rota's local wall-clock time: the
// first starts at `handoverTime` on `startsOn`, each lasts `shiftHours` wall-clock hours, so a
// 09:00 handover stays at 09:00 local on both sides of a daylight-saving change (that shift is
// an hour shorter or longer in real time). A local handover time that does not exist on a
// spring-forward day moves to the first instant after the gap.

export type RotaShape = {
  timeZone: string;
  /** "HH:MM" */
  handoverTime: string;
  shiftHours: number;
  /** "YYYY-MM-DD", local */
  startsOn: string;
  /** user ids, in turn order */
  memberIds: readonly string[];
  secondaryUserId: string | null;
};

export type OverrideShape = { userId: string; startsAt: Date; endsAt: Date; createdAt: Date };

export type OnCallAt = {
  primaryId: string | null;
  secondaryId: string | null;
  /** The current shift's start and end (real instants). */
  shiftStart: Date;
  shiftEnd: Date;
  /** When the primary changes next: the shift's end, or the override's. */
  until: Date;
  /** The override that put the primary there, if any. */
  overridden: boolean;
};

const WEEK_HOURS = 168;
export const ROTATION_HOURS = { weekly: WEEK_HOURS } as const;

function parseHandover(time: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`handover time must be HH:MM, got "${time}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The wall-clock start of the first shift, as if the zone were UTC (arithmetic without DST). */
function wallAnchor(rota: RotaShape): DateTime {
  const { hour, minute } = parseHandover(rota.handoverTime);
  const anchor = DateTime.fromISO(rota.startsOn, { zone: "utc" }).set({ hour, minute });
  if (!anchor.isValid) throw new Error(`invalid start date "${rota.startsOn}"`);
  return anchor;
}

/** The real instant of a wall-clock time in the zone (a time in a spring-forward gap moves past it). */
function wallToInstant(wall: DateTime, zone: string): Date {
  const local = DateTime.fromObject(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
    { zone },
  );
  if (!local.isValid) throw new Error(`invalid time zone "${zone}"`);
  return local.toJSDate();
}

/** The real instant at which shift number k starts. */
export function shiftStartAt(rota: RotaShape, k: number): Date {
  return wallToInstant(wallAnchor(rota).plus({ hours: k * rota.shiftHours }), rota.timeZone);
}

/** The number of the shift running at `at` (negative before the rota starts). */
export function shiftIndexAt(rota: RotaShape, at: Date): number {
  if (!(rota.shiftHours >= 1)) throw new Error("a shift lasts at least one hour");
  const local = DateTime.fromJSDate(at, { zone: rota.timeZone });
  if (!local.isValid) throw new Error(`invalid time zone "${rota.timeZone}"`);
  const wall = DateTime.fromObject(
    {
      year: local.year,
      month: local.month,
      day: local.day,
      hour: local.hour,
      minute: local.minute,
      second: local.second,
    },
    { zone: "utc" },
  );
  const hours = wall.diff(wallAnchor(rota), "hours").hours;
  let k = Math.floor(hours / rota.shiftHours);
  // Around a DST change the wall clock repeats or skips an hour: settle on real instants.
  while (shiftStartAt(rota, k).getTime() > at.getTime()) k--;
  while (shiftStartAt(rota, k + 1).getTime() <= at.getTime()) k++;
  return k;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/**
 * Primary and secondary at `at`. An override covering `at` makes its user the primary (the
 * latest made wins when several do); the secondary is the fixed one, else the next member in
 * order, never the primary themself.
 */
export function onCallAt(rota: RotaShape, overrides: readonly OverrideShape[], at: Date): OnCallAt {
  const k = shiftIndexAt(rota, at);
  const shiftStart = shiftStartAt(rota, k);
  const shiftEnd = shiftStartAt(rota, k + 1);
  const n = rota.memberIds.length;
  const scheduled = n ? (rota.memberIds[mod(k, n)] ?? null) : null;
  const next = n > 1 ? (rota.memberIds[mod(k + 1, n)] ?? null) : null;
  const override = overrides
    .filter((o) => o.startsAt.getTime() <= at.getTime() && at.getTime() < o.endsAt.getTime())
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const primaryId = override ? override.userId : scheduled;
  let secondaryId = rota.secondaryUserId ?? next;
  if (secondaryId === primaryId) secondaryId = override && scheduled !== primaryId ? scheduled : null;
  let until = shiftEnd;
  if (override) until = override.endsAt;
  else {
    // an override starting within this shift hands the pager over earlier
    const starts = overrides.map((o) => o.startsAt.getTime()).filter((t) => t > at.getTime() && t < shiftEnd.getTime());
    if (starts.length) until = new Date(Math.min(...starts));
  }
  return { primaryId, secondaryId, shiftStart, shiftEnd, until, overridden: Boolean(override) };
}

/** The next `count` handovers after `at`: when each shift starts and whose turn it is by the rota (overrides aside). */
export function upcomingShifts(
  rota: RotaShape,
  at: Date,
  count: number,
): Array<{ startsAt: Date; endsAt: Date; memberId: string | null }> {
  const k = shiftIndexAt(rota, at);
  const n = rota.memberIds.length;
  return Array.from({ length: count }, (_, i) => ({
    startsAt: shiftStartAt(rota, k + 1 + i),
    endsAt: shiftStartAt(rota, k + 2 + i),
    memberId: n ? (rota.memberIds[mod(k + 1 + i, n)] ?? null) : null,
  }));
}
