import { wazuhSeverity } from "../severity-tables";
import { at, distinct, firstStr, isObject, isoTime, missing, num, type MappingResult } from "./payload-path";

/**
 * A Wazuh alert as the Integrator hands it to a custom integration (the alerts.json document):
 * id, timestamp, rule { level, description, id, groups }, agent { id, name, ip }, manager,
 * full_log, decoder, location, data. The level (0–15) sets the severity (severity-tables.ts).
 */
export function mapWazuh(payload: unknown): MappingResult {
  if (!isObject(payload)) return { ok: false, fieldErrors: { _body: ["The body must be a Wazuh alert object."] } };
  const externalId = firstStr(payload, "id");
  if (!externalId) return missing("id", "the alert's id");
  const title = firstStr(payload, "rule.description");
  if (!title) return missing("rule.description", "what the rule detected");
  const level = num(at(payload, "rule.level"));
  if (level === undefined || level < 0 || !Number.isInteger(level))
    return { ok: false, fieldErrors: { "rule.level": ["rule.level must be a whole number from 0 to 15."] } };
  const observedAt = isoTime(at(payload, "timestamp"));
  if (!observedAt)
    return {
      ok: false,
      fieldErrors: { timestamp: ["timestamp must be a date and time, e.g. 2026-03-14T10:40:51.123+0000."] },
    };
  return {
    ok: true,
    alert: {
      source: "wazuh",
      externalId,
      title,
      severity: wazuhSeverity(level),
      observedAt,
      assets: distinct([firstStr(payload, "agent.name"), firstStr(payload, "agent.ip")]),
    },
  };
}
