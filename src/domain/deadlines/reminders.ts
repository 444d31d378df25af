// When to remind: at shares of the window between the clock's start and the deadline (by
// default half-way and at 90 %), and once when the deadline has passed (the escalation).

export const DEFAULT_THRESHOLDS = [0.5, 0.9] as const;

export type ReminderKind = string; // "50%", "90%", "overdue"

export function reminderKindsDue(
  window: { startsAt: Date | null; dueAt: Date | null },
  now: Date,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): ReminderKind[] {
  const { startsAt, dueAt } = window;
  if (!dueAt) return [];
  if (now >= dueAt) return ["overdue"];
  if (!startsAt || startsAt >= dueAt) return [];
  const share = (now.getTime() - startsAt.getTime()) / (dueAt.getTime() - startsAt.getTime());
  // only the latest threshold crossed: a late first scan sends one reminder, not a burst
  const crossed = thresholds.filter((t) => share >= t).sort((a, b) => b - a)[0];
  return crossed === undefined ? [] : [`${Math.round(crossed * 100)}%`];
}

export function parseThresholds(raw: string | undefined): number[] {
  if (!raw) return [...DEFAULT_THRESHOLDS];
  const values = raw.split(",").map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isFinite(v) || v <= 0 || v >= 1)) {
    throw new Error(
      `REMINDER_THRESHOLDS must be fractions between 0 and 1, comma-separated (e.g. 0.5,0.9); got "${raw}"`,
    );
  }
  return values;
}
