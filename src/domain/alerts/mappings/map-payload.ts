import { mapElastic } from "./elastic";
import { mapGeneric } from "./generic";
import { mapSentinel } from "./sentinel";
import { mapSplunk } from "./splunk";
import { mapWazuh } from "./wazuh";
import type { MappingResult } from "./payload-path";

export const INTEGRATION_FORMATS = ["GENERIC", "SPLUNK", "ELASTIC", "WAZUH", "SENTINEL"] as const;
export type IntegrationFormat = (typeof INTEGRATION_FORMATS)[number];

export const FORMAT_LABEL: Record<IntegrationFormat, string> = {
  GENERIC: "Warden generic JSON",
  SPLUNK: "Splunk webhook alert action",
  ELASTIC: "Elastic (Kibana webhook connector)",
  WAZUH: "Wazuh integration",
  SENTINEL: "Microsoft Sentinel (Logic App)",
};

/** The payload as the integration's tool sends it → Warden's generic alert (not yet checked). */
export function mapPayload(format: IntegrationFormat, payload: unknown, now: Date): MappingResult {
  switch (format) {
    case "GENERIC":
      return mapGeneric(payload);
    case "SPLUNK":
      return mapSplunk(payload, now);
    case "ELASTIC":
      return mapElastic(payload, now);
    case "WAZUH":
      return mapWazuh(payload);
    case "SENTINEL":
      return mapSentinel(payload, now);
  }
}
