/** "due in 2 d 4 h", "overdue by 35 min": how a deadline reads at a given moment. */
export function describeCountdown(dueAt: Date, now: Date): { overdue: boolean; text: string } {
  const ms = dueAt.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const span = days ? `${days} d ${hours} h` : hours ? `${hours} h ${mins} min` : `${mins} min`;
  return ms < 0 ? { overdue: true, text: `overdue by ${span}` } : { overdue: false, text: `due in ${span}` };
}
