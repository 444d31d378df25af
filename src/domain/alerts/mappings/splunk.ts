import { NAMED_SEVERITY, splunkNumericSeverity } from "../severity-tables";
import { at, distinct, firstStr, isObject, isoTime, missing, num, str, type MappingResult } from "./payload-path";

/**
 * A Splunk webhook alert action's body: { result: <first result row>, sid, search_name, app,
 * owner, results_link }. The search id is the external id (one per triggered search); the
 * severity comes from the row's `urgency` or `severity` field when the search returns one
 * (Splunk ES names, or Splunk's 1–6 scale), else MEDIUM; the row's `_time` is when it was observed.
 */
export function mapSplunk(payload: unknown, now: Date): MappingResult {
  if (!isObject(payload)) return { ok: false, fieldErrors: { _body: ["The body must be a JSON object."] } };
  const sid = str(payload.sid);
  if (!sid) return missing("sid", "the search id of the triggered alert");
  const result = isObject(payload.result) ? payload.result : {};
  const named = firstStr(result, "urgency", "severity")?.toLowerCase();
  const numeric = num(at(result, "severity"));
  const severity =
    (named && NAMED_SEVERITY[named]) ?? (numeric !== undefined ? splunkNumericSeverity(numeric) : "MEDIUM");
  const app = str(payload.app);
  return {
    ok: true,
    alert: {
      source: "splunk",
      externalId: sid,
      title: str(payload.search_name) ?? `Splunk alert ${sid}${app ? ` (${app})` : ""}`,
      severity,
      observedAt: isoTime(result._time) ?? now.toISOString(),
      assets: distinct([str(result.host), str(result.dest), str(result.dvc)]),
    },
  };
}
