const TONE = {
  slate: "bg-slate-100 text-slate-800",
  blue: "bg-blue-100 text-blue-900",
  amber: "bg-amber-100 text-amber-900",
  orange: "bg-orange-100 text-orange-900",
  red: "bg-red-100 text-red-900",
  green: "bg-emerald-100 text-emerald-900",
} as const;

export function Badge({ tone = "slate", children }: { tone?: keyof typeof TONE; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ${TONE[tone]}`}>{children}</span>;
}

export const SEVERITY_TONE: Record<string, keyof typeof TONE> = { LOW: "slate", MEDIUM: "amber", HIGH: "orange", CRITICAL: "red" };
