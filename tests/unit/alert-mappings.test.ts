import { describe, expect, it } from "vitest";
import { mapPayload } from "@/domain/alerts/mappings/map-payload";
import {
  elasticRiskSeverity,
  NAMED_SEVERITY,
  SENTINEL_SEVERITY,
  splunkNumericSeverity,
  wazuhSeverity,
} from "@/domain/alerts/severity-tables";
import { alertFingerprint, normalizeTitle } from "@/domain/alerts/fingerprint";
import { genericAlertSchema } from "@/lib/validation/alert";
import { ELASTIC_SAMPLE, SENTINEL_SAMPLE, SPLUNK_SAMPLE, WAZUH_SAMPLE } from "../support/vendor-alert-samples";

// The samples and the documentation each is taken from: tests/support/vendor-alert-samples.ts
// (Splunk: help.splunk.com "Use a webhook alert action"; Elastic: elastic.co security "Alert
// schema"; Wazuh: documentation.wazuh.com ruleset "rules" same_field alert; Sentinel:
// learn.microsoft.com "playbook-triggers-actions" and IncidentProperties).

const NOW = new Date("2026-03-14T11:00:00.000Z");

function mapped(format: Parameters<typeof mapPayload>[0], payload: unknown) {
  const r = mapPayload(format, payload, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return genericAlertSchema.parse(r.alert);
}

describe("vendor mappings on their documented samples", () => {
  it("Splunk: the search id is the external id; no search name → a title naming the sid and app; MEDIUM", () => {
    expect(mapped("SPLUNK", SPLUNK_SAMPLE)).toEqual({
      source: "splunk",
      externalId: "scheduler_admin_search_W2_at_14232356_132",
      title: "Splunk alert scheduler_admin_search_W2_at_14232356_132 (search)",
      severity: "MEDIUM",
      observedAt: NOW.toISOString(),
      assets: [],
      dataCategories: [],
      jurisdictions: [],
    });
  });

  it("Splunk: a search name, the row's urgency, _time and host are used", () => {
    const a = mapped("SPLUNK", {
      ...SPLUNK_SAMPLE,
      search_name: "DLP: card numbers in outbound mail",
      result: { urgency: "critical", _time: "1773485000", host: "mx-01" },
    });
    expect(a).toMatchObject({
      title: "DLP: card numbers in outbound mail",
      severity: "CRITICAL",
      observedAt: new Date(1773485000 * 1000).toISOString(),
      assets: ["mx-01"],
    });
  });

  it("Elastic: ECS alert fields (dotted) → rule name, uuid, severity, original time, hosts", () => {
    expect(mapped("ELASTIC", ELASTIC_SAMPLE)).toEqual({
      source: "elastic",
      externalId: ELASTIC_SAMPLE["kibana.alert.uuid"],
      title: "My First Rule",
      severity: "LOW",
      observedAt: "2026-03-14T10:39:02.000Z",
      assets: ["web-01", "web-01.example.local"],
      dataCategories: [],
      jurisdictions: [],
    });
  });

  it("Elastic: nested fields and { alerts: [doc] } read the same; a risk score alone sets the severity", () => {
    const nested = {
      alerts: [
        {
          "@timestamp": "2026-03-14T10:40:51.123Z",
          kibana: { alert: { uuid: "u-1", rule: { name: "Rule N" }, risk_score: 73 } },
          host: { name: "db-02" },
        },
      ],
    };
    expect(mapped("ELASTIC", nested)).toMatchObject({
      externalId: "u-1",
      title: "Rule N",
      severity: "HIGH",
      observedAt: "2026-03-14T10:40:51.123Z",
      assets: ["db-02"],
    });
  });

  it("Wazuh: id, rule description, level 10 → HIGH, the -0800 timestamp in UTC, the agent", () => {
    expect(mapped("WAZUH", WAZUH_SAMPLE)).toEqual({
      source: "wazuh",
      externalId: "1583319628.14426",
      title: "Testing same_field option",
      severity: "HIGH",
      observedAt: "2020-03-04T11:00:28.973Z",
      assets: ["ubuntu"],
      dataCategories: [],
      jurisdictions: [],
    });
  });

  it("Sentinel: the incident's name, title, High → HIGH, first activity, host and IP entities", () => {
    expect(mapped("SENTINEL", SENTINEL_SAMPLE)).toEqual({
      source: "sentinel",
      externalId: "73e01a99-5cd7-4139-a149-9f2736ff2ab5",
      title: "Suspicious mass download of customer files",
      severity: "HIGH",
      observedAt: "2026-03-14T10:31:12.000Z",
      assets: ["fileserver-02", "10.0.4.17"],
      dataCategories: [],
      jurisdictions: [],
    });
  });

  it("Generic: the body is the alert", () => {
    const body = {
      source: "dlp-gateway",
      externalId: "evt-1",
      title: "Spreadsheet with SSNs mailed out",
      severity: "high",
      observedAt: "2026-03-14T10:00:00+01:00",
      client: "Acme",
      dataCategories: ["PERSONAL"],
      assets: ["mail-gw"],
      jurisdictions: ["US-CA"],
    };
    expect(mapped("GENERIC", body)).toMatchObject({ severity: "HIGH", client: "Acme", jurisdictions: ["US-CA"] });
  });
});

describe("refusals name the tool's own field", () => {
  const cases: Array<[Parameters<typeof mapPayload>[0], unknown, string]> = [
    ["SPLUNK", { ...SPLUNK_SAMPLE, sid: "" }, "sid"],
    ["ELASTIC", { "kibana.alert.uuid": "x" }, "kibana.alert.rule.name"],
    ["ELASTIC", { "kibana.alert.rule.name": "x" }, "kibana.alert.uuid"],
    ["WAZUH", { ...WAZUH_SAMPLE, rule: { ...WAZUH_SAMPLE.rule, level: "high" } }, "rule.level"],
    ["WAZUH", { ...WAZUH_SAMPLE, timestamp: "yesterday" }, "timestamp"],
    ["WAZUH", { ...WAZUH_SAMPLE, id: undefined }, "id"],
    [
      "SENTINEL",
      {
        object: { ...SENTINEL_SAMPLE.object, properties: { ...SENTINEL_SAMPLE.object.properties, severity: "Severe" } },
      },
      "object.properties.severity",
    ],
    ["SENTINEL", { nothing: true }, "object.properties"],
    ["GENERIC", [1, 2], "_body"],
  ];
  it.each(cases)("%s without a usable field → %s", (format, payload, field) => {
    const r = mapPayload(format, payload, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors)).toEqual([field]);
  });

  it("generic: each bad field is named", () => {
    const r = genericAlertSchema.safeParse({
      source: "",
      externalId: "x",
      title: "t",
      severity: "urgent",
      observedAt: "today",
      jurisdictions: ["XX"],
    });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path.join(".")));
    expect(fields).toEqual(new Set(["source", "severity", "observedAt", "jurisdictions.0"]));
  });
});

describe("severity tables", () => {
  it.each([
    [0, "LOW"],
    [3, "LOW"],
    [6, "LOW"],
    [7, "MEDIUM"],
    [9, "MEDIUM"],
    [10, "HIGH"],
    [12, "HIGH"],
    [13, "CRITICAL"],
    [15, "CRITICAL"],
    [16, "CRITICAL"],
  ] as const)("Wazuh level %i → %s", (level, sev) => expect(wazuhSeverity(level)).toBe(sev));

  it.each([
    [0, "LOW"],
    [21, "LOW"],
    [22, "MEDIUM"],
    [47, "MEDIUM"],
    [48, "HIGH"],
    [73, "HIGH"],
    [74, "CRITICAL"],
    [99, "CRITICAL"],
  ] as const)("Elastic risk score %i → %s", (score, sev) => expect(elasticRiskSeverity(score)).toBe(sev));

  it.each([
    [1, "LOW"],
    [2, "LOW"],
    [3, "MEDIUM"],
    [4, "HIGH"],
    [5, "HIGH"],
    [6, "CRITICAL"],
  ] as const)("Splunk alert.severity %i → %s", (n, sev) => expect(splunkNumericSeverity(n)).toBe(sev));

  it("names", () => {
    expect(NAMED_SEVERITY).toMatchObject({
      informational: "LOW",
      low: "LOW",
      medium: "MEDIUM",
      high: "HIGH",
      critical: "CRITICAL",
    });
    expect(SENTINEL_SEVERITY).toEqual({ informational: "LOW", low: "LOW", medium: "MEDIUM", high: "HIGH" });
  });
});

describe("fingerprint", () => {
  const base = { source: "Wazuh", clientId: "c1", title: "5 failed logins for  admin", assets: ["Web-01", "db"] };
  it("numbers, case, spacing and asset order do not matter; source, client, words and assets do", () => {
    expect(normalizeTitle(base.title)).toBe("# failed logins for admin");
    const fp = alertFingerprint(base);
    expect(
      alertFingerprint({ ...base, source: "wazuh", title: "17 Failed logins for admin", assets: ["db", "web-01"] }),
    ).toBe(fp);
    expect(alertFingerprint({ ...base, clientId: "c2" })).not.toBe(fp);
    expect(alertFingerprint({ ...base, source: "splunk" })).not.toBe(fp);
    expect(alertFingerprint({ ...base, title: "5 failed logins for root" })).not.toBe(fp);
    expect(alertFingerprint({ ...base, assets: ["web-01"] })).not.toBe(fp);
  });
});
