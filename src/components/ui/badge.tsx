// tones are classes in globals.css (badges repeat down every list)
const TONE = {
  slate: "badge-slate",
  blue: "badge-blue",
  amber: "badge-amber",
  orange: "badge-orange",
  red: "badge-red",
  green: "badge-green",
} as const;

export function Badge({ tone = "slate", children }: { tone?: keyof typeof TONE; children: React.ReactNode }) {
  return <span className={`badge ${TONE[tone]}`}>{children}</span>;
}

export const SEVERITY_TONE: Record<string, keyof typeof TONE> = {
  LOW: "slate",
  MEDIUM: "amber",
  HIGH: "orange",
  CRITICAL: "red",
};
