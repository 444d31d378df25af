/**
 * `value`, or an error naming what is missing. For seeds and benchmarks, which look up what they
 * made themselves a moment before: a gap there is a bug in the script, and stops it at once.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
