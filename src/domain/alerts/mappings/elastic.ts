import { elasticRiskSeverity, NAMED_SEVERITY } from "../severity-tables";
import { at, distinct, firstStr, isObject, isoTime, missing, num, type MappingResult } from "./payload-path";

/**
 * An Elastic Security alert as a Kibana webhook connector sends it: the alert document with its
 * ECS fields, nested or with dotted names (a body of `{{{context.alerts}}}`-style documents; one
 * alert per action run — `{ "alerts": [doc] }` is read as its first document). The external id is
 * kibana.alert.uuid (or the document's _id); the title the rule's name; severity
 * kibana.alert.severity, else the risk score's band, else MEDIUM.
 */
export function mapElastic(payload: unknown, now: Date): MappingResult {
  let doc: unknown = payload;
  if (isObject(payload) && Array.isArray(payload.alerts)) doc = payload.alerts[0];
  if (!isObject(doc)) return { ok: false, fieldErrors: { _body: ["The body must be an Elastic alert document."] } };
  const externalId = firstStr(doc, "kibana.alert.uuid", "_id");
  if (!externalId) return missing("kibana.alert.uuid", "the alert's id");
  const title = firstStr(doc, "kibana.alert.rule.name", "rule.name");
  if (!title) return missing("kibana.alert.rule.name", "the name of the rule that raised the alert");
  const named = firstStr(doc, "kibana.alert.severity", "kibana.alert.rule.severity")?.toLowerCase();
  const risk = num(at(doc, "kibana.alert.risk_score")) ?? num(at(doc, "kibana.alert.rule.risk_score"));
  return {
    ok: true,
    alert: {
      source: "elastic",
      externalId,
      title,
      severity: (named && NAMED_SEVERITY[named]) ?? (risk !== undefined ? elasticRiskSeverity(risk) : "MEDIUM"),
      observedAt: isoTime(at(doc, "kibana.alert.original_time")) ?? isoTime(at(doc, "@timestamp")) ?? now.toISOString(),
      assets: distinct([
        firstStr(doc, "host.name"),
        firstStr(doc, "host.hostname"),
        firstStr(doc, "user.name"),
        firstStr(doc, "destination.ip"),
      ]),
    },
  };
}
