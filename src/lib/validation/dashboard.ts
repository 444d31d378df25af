import { z } from "zod";
import { DateTime } from "luxon";
import { isoDay } from "@/lib/datetime";

// Dashboard filters, from the URL. A bad value is reported, never a 500; defaults cover the
// last 12 weeks of every client in scope.

export type DashboardQuery = { from: Date; to: Date; fromDay: string; toDay: string; clientId: string | null };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export function parseDashboardQuery(
  params: Record<string, string | string[] | undefined>,
  zone: string,
  now: Date,
): { query: DashboardQuery; errors: string[] } {
  const first = (k: string) => {
    const value = params[k];
    return (Array.isArray(value) ? value[0] : value) || undefined;
  };
  const errors: string[] = [];
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  let from = today.minus({ weeks: 12 });
  let to = today;
  const parseDay = (raw: string | undefined, label: string) => {
    if (!raw) return null;
    const d = day.safeParse(raw).success ? DateTime.fromISO(raw, { zone }) : null;
    if (!d || !d.isValid) {
      errors.push(`The ${label} date must look like 2026-03-29.`);
      return null;
    }
    return d;
  };
  const f = parseDay(first("from"), "start");
  const t = parseDay(first("to"), "end");
  if (f) from = f;
  if (t) to = t;
  if (to < from) {
    errors.push("The period ends before it starts; showing the last 12 weeks instead.");
    from = today.minus({ weeks: 12 });
    to = today;
  }
  if (to.diff(from, "days").days > 3 * 366) {
    errors.push("A period can be at most three years; showing the last three years of it.");
    from = to.minus({ years: 3 });
  }
  const rawClient = first("clientId");
  const client = rawClient ? z.uuid().safeParse(rawClient) : null;
  if (client && !client.success) errors.push("Unknown client in the filter.");
  return {
    query: {
      from: from.toJSDate(),
      to: to.plus({ days: 1 }).toJSDate(), // the end day is included
      fromDay: isoDay(from),
      toDay: isoDay(to),
      clientId: client?.success ? client.data : null,
    },
    errors,
  };
}
