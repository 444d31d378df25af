// What a post-incident review needs before the incident may close.

export type PostMortemState = {
  completed: boolean;
  actionItems: ReadonlyArray<{ title: string; assigned: boolean }>;
};

export const REVIEW_SECTIONS = [
  { key: "summary", label: "Summary" },
  { key: "rootCause", label: "Root cause" },
  { key: "contributingFactors", label: "Contributing factors" },
  { key: "wentWell", label: "What went well" },
  { key: "wentBadly", label: "What did not go well" },
  { key: "lessons", label: "Lessons learned" },
] as const;

export type ReviewSection = (typeof REVIEW_SECTIONS)[number]["key"];

/** Reasons the review blocks closing (empty when the incident may close). */
export function postMortemGaps(pm: PostMortemState | undefined): string[] {
  if (!pm) return ["The post-incident review is not completed."];
  const gaps: string[] = [];
  if (!pm.completed) gaps.push("The post-incident review is not completed.");
  if (pm.actionItems.length === 0) gaps.push("The review has no action items.");
  for (const a of pm.actionItems) if (!a.assigned) gaps.push(`Action item not assigned: ${a.title}`);
  return gaps;
}

/** Sections left empty (a review is completed only when each has content). */
export function missingSections(values: Partial<Record<ReviewSection, string | null>>): string[] {
  return REVIEW_SECTIONS.filter((s) => !values[s.key]?.trim()).map((s) => s.label);
}
