/** 5400 → "1 h 30 min"; 200000 → "2 d 7 h"; null → "—". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const m = Math.round(Math.abs(seconds) / 60);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const s = d ? `${d} d ${h} h` : h ? `${h} h ${min} min` : `${min} min`;
  return seconds < 0 ? `−${s}` : s;
}
