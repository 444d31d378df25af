import { z } from "zod";

// The rules page's filters, from the query string (a GET form: works without JavaScript, and
// the URL can be shared). A group that is not one of the choices is ignored and the page says so.

const text = z.string().trim().max(100);

export type RuleFilters = { q: string; group: string | null };

export function parseRuleFilters(
  params: Record<string, string | string[] | undefined>,
  groups: readonly string[],
): { filters: RuleFilters; ignored: string[] } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const ignored: string[] = [];
  const q = text.safeParse(one(params.q));
  if (!q.success) ignored.push("Search: at most 100 characters, so it is not applied.");
  const group = one(params.group);
  if (group && !groups.includes(group)) ignored.push("Group: not one of the rule groups, so it is not applied.");
  return {
    filters: { q: q.success ? q.data : "", group: group && groups.includes(group) ? group : null },
    ignored,
  };
}
