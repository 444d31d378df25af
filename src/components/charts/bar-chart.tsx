const PALETTE = ["#2952cc", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#64748b"];

// Drawn on the server as one small SVG: each series is a single path of rectangles, so a chart
// of 12 weeks by 7 types is a few hundred bytes of markup, no client code and no props to send.
// 360 units wide, drawn at most 576 px wide: text of 11 units reads at about 10 px on a phone;
// from the sm breakpoint, where the chart is drawn wider, at 8 units (11 to 13 px).
const W = 360;
const LEFT = 32;
const RIGHT = 4;
const TOP = 8;
const LINE = 13; // one line of axis labels
const FONT = 11;

/** A step of 1, 2 or 5 times a power of ten giving at most 4 intervals up to `max`. */
function tickStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/**
 * A bar chart (stacked when several series): `values[i][s]` is series `s` at category `i`.
 * Decorative for screen readers: every chart on the dashboard has the same numbers in a table.
 */
export function BarChart({
  labels,
  series,
  values,
  height = 200,
}: {
  labels: readonly string[];
  series: readonly string[];
  values: ReadonlyArray<readonly number[]>;
  height?: number;
}) {
  const totals = values.map((v) => v.reduce((a, b) => a + b, 0));
  const step = tickStep(Math.max(1, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const slot = (W - LEFT - RIGHT) / Math.max(1, labels.length);
  const every = Math.ceil(labels.length / 8); // at most 8 labels along the axis
  // labels wider than their slot go on two lines, every other one on the second
  const widest = Math.max(0, ...labels.map((l) => l.length)) * FONT * 0.6;
  const rows = widest > slot * every - 4 ? 2 : 1;
  const bottom = 5 + rows * LINE;
  const plotH = height - TOP - bottom;
  const barW = Math.max(2, Math.round(slot * 0.7));
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  // one path per series: a rectangle for each category where it is not zero
  const paths = series.map((_, s) => {
    let d = "";
    values.forEach((v, i) => {
      const count = v[s] ?? 0;
      if (!count) return;
      const below = v.slice(0, s).reduce((a, b) => a + b, 0);
      const x = Math.round(LEFT + i * slot + (slot - barW) / 2);
      d += `M${x} ${Math.round(y(below + count))}h${barW}V${Math.round(y(below))}h-${barW}z`;
    });
    return d;
  });
  return (
    <div aria-hidden="true" data-testid="bar-chart" className="max-w-xl text-slate-500">
      <svg viewBox={`0 0 ${W} ${height}`} className="block h-auto w-full text-[11px] sm:text-[8px]" fill="currentColor">
        <path
          d={ticks.map((t) => `M${LEFT} ${Math.round(y(t))}H${W - RIGHT}`).join("")}
          stroke="#e2e8f0"
          strokeDasharray="3 3"
        />
        {ticks.map((t) => (
          <text key={t} x={LEFT - 4} y={Math.round(y(t)) + 4} textAnchor="end">
            {t}
          </text>
        ))}
        {paths.map((d, s) => (d ? <path key={s} d={d} fill={PALETTE[s % PALETTE.length]} /> : null))}
        {labels.map((l, i) =>
          i % every ? null : (
            <text
              key={l}
              x={Math.round(LEFT + (i + 0.5) * slot)}
              y={height - 4 - (rows - 1 - ((i / every) % rows)) * LINE}
              textAnchor="middle"
            >
              {l}
            </text>
          ),
        )}
      </svg>
      {series.length > 1 ? (
        <ul className="mt-1 flex flex-wrap justify-center gap-x-3 text-xs">
          {series.map((label, s) => (
            <li key={label}>
              <svg viewBox="0 0 8 8" className="mr-1 inline h-2 w-2">
                <rect width="8" height="8" fill={PALETTE[s % PALETTE.length]} />
              </svg>
              {label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
