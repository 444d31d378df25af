import { isJurisdiction, jurisdictionName } from "./jurisdictions";

// The people affected per jurisdiction must agree with the rest of the facts: known places, among
// the incident's jurisdictions, adding up to no more than the total recorded. Counts that
// contradict the total would decide a threshold (HIPAA 500, a state's AG notice) on numbers
// that cannot both be true, so they are refused, by field, before anything is written.

export type SubjectCounts = {
  dataSubjectsCount: number | null;
  jurisdictions: readonly string[];
  subjectsByJurisdiction: Readonly<Record<string, number>> | null;
};

const n = (x: number) => x.toLocaleString("en-US");

/** What is wrong with the per-jurisdiction counts, as the assessment form's field errors. */
export function subjectCountProblems(f: SubjectCounts): { subjectsByJurisdiction?: string[] } {
  const by = Object.entries(f.subjectsByJurisdiction ?? {});
  const problems: string[] = [];
  const unknown = by.map(([code]) => code).filter((code) => !isJurisdiction(code));
  if (unknown.length) problems.push(`Unknown jurisdiction: ${unknown.join(", ")}.`);
  const outside = by.map(([code]) => code).filter((code) => isJurisdiction(code) && !f.jurisdictions.includes(code));
  if (outside.length)
    problems.push(
      `Not among the incident's jurisdictions: ${outside.map((c) => `${jurisdictionName(c)} (${c})`).join(", ")}. Add ${outside.length === 1 ? "it" : "them"} to the facts first.`,
    );
  const sum = by.reduce((total, [, count]) => total + count, 0);
  if (f.dataSubjectsCount !== null && sum > f.dataSubjectsCount)
    problems.push(
      `These add up to ${n(sum)}, more than the ${n(f.dataSubjectsCount)} people affected recorded in the facts. Correct the counts or the total.`,
    );
  return problems.length ? { subjectsByJurisdiction: problems } : {};
}

/**
 * The same agreement seen from the facts form: a total below what is counted per jurisdiction,
 * or a jurisdiction removed while people are counted in it.
 */
export function factsCountProblems(f: SubjectCounts): { dataSubjectsCount?: string[]; jurisdictions?: string[] } {
  const by = Object.entries(f.subjectsByJurisdiction ?? {});
  const out: { dataSubjectsCount?: string[]; jurisdictions?: string[] } = {};
  const sum = by.reduce((total, [, count]) => total + count, 0);
  if (f.dataSubjectsCount !== null && sum > f.dataSubjectsCount)
    out.dataSubjectsCount = [
      `Fewer than the ${n(sum)} counted per jurisdiction in the assessment. Correct those counts first, or enter at least ${n(sum)}.`,
    ];
  const dropped = by.filter(([code, count]) => count > 0 && !f.jurisdictions.includes(code));
  if (dropped.length)
    out.jurisdictions = [
      `People are counted in ${dropped.map(([c, count]) => `${jurisdictionName(c)} (${n(count)})`).join(", ")} in the assessment. Remove those counts first.`,
    ];
  return out;
}
