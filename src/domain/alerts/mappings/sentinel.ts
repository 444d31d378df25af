import { SENTINEL_SEVERITY } from "../severity-tables";
import { at, distinct, firstStr, isObject, isoTime, missing, str, type MappingResult } from "./payload-path";

/**
 * A Microsoft Sentinel incident as a Logic App's "Microsoft Sentinel incident" trigger receives
 * it and an HTTP action forwards it: { object: { id, name, properties: { title, severity,
 * incidentNumber, createdTimeUtc, firstActivityTimeUtc, relatedEntities, … } }, workspaceId, … }
 * (the bare `object` is accepted too). The incident's name (a GUID) is the external id.
 */
export function mapSentinel(payload: unknown, now: Date): MappingResult {
  const incident = isObject(payload) && isObject(payload.object) ? payload.object : payload;
  if (!isObject(incident) || !isObject(incident.properties))
    return {
      ok: false,
      fieldErrors: { "object.properties": ["The body must be a Sentinel incident (object.properties)."] },
    };
  const p = incident.properties;
  const externalId = str(incident.name) ?? firstStr(p, "incidentNumber");
  if (!externalId) return missing("object.name", "the incident's id");
  const title = str(p.title);
  if (!title) return missing("object.properties.title", "the incident's title");
  const severity = SENTINEL_SEVERITY[str(p.severity)?.toLowerCase() ?? ""];
  if (!severity)
    return {
      ok: false,
      fieldErrors: { "object.properties.severity": ["severity must be Informational, Low, Medium or High."] },
    };
  const entities = Array.isArray(p.relatedEntities) ? p.relatedEntities : [];
  return {
    ok: true,
    alert: {
      source: "sentinel",
      externalId,
      title,
      severity,
      observedAt: isoTime(p.firstActivityTimeUtc) ?? isoTime(p.createdTimeUtc) ?? now.toISOString(),
      assets: distinct(
        entities.map((e) =>
          str(at(e, "kind"))?.toLowerCase() === "host"
            ? firstStr(e, "properties.hostName", "properties.friendlyName")
            : str(at(e, "kind"))?.toLowerCase() === "ip"
              ? firstStr(e, "properties.address")
              : undefined,
        ),
      ),
    },
  };
}
