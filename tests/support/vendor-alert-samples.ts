// Sample payloads of each tool Warden maps, shaped after (and with the values of) the examples in
// that tool's public documentation (the URL is beside each). Used by the unit tests of the
// mappings and by the db tests that post them through the whole route.

/** https://help.splunk.com/splunk-enterprise/alert-and-respond/alerting-manual/10.0/configure-alert-actions/use-a-webhook-alert-action ("Webhook data payload", Example) */
export const SPLUNK_SAMPLE = {
  result: { sourcetype: "mongod", count: "8" },
  sid: "scheduler_admin_search_W2_at_14232356_132",
  results_link: "http://web.example.local:8000/app/search/@go?sid=scheduler_admin_search_W2_at_14232356_132",
  search_name: null,
  owner: "admin",
  app: "search",
};

/**
 * https://www.elastic.co/guide/en/security/current/alert-schema.html (the alert document's fields)
 * and https://www.elastic.co/guide/en/kibana/current/rule-action-variables.html (the webhook
 * connector's body carries them): an alert of the prebuilt "My First Rule" (severity low,
 * risk score 21, https://www.elastic.co/guide/en/security/current/my-first-rule.html).
 */
export const ELASTIC_SAMPLE = {
  "@timestamp": "2026-03-14T10:40:51.123Z",
  "kibana.alert.uuid": "3f1e0b5c9d2a4e7f8a6b1c0d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f",
  "kibana.alert.rule.name": "My First Rule",
  "kibana.alert.rule.uuid": "e1d2c3b4-a596-4877-8899-aabbccddeeff",
  "kibana.alert.severity": "low",
  "kibana.alert.risk_score": 21,
  "kibana.alert.status": "active",
  "kibana.alert.workflow_status": "open",
  "kibana.alert.original_time": "2026-03-14T10:39:02.000Z",
  "event.kind": "signal",
  host: { name: "web-01", hostname: "web-01.example.local" },
  "ecs.version": "8.11.0",
};

/**
 * https://documentation.wazuh.com/current/user-manual/ruleset/ruleset-xml-syntax/rules.html
 * (the alert shown for the same_field option), as the Integrator passes it to a custom
 * integration (https://documentation.wazuh.com/current/user-manual/manager/integration-with-external-apis.html).
 */
export const WAZUH_SAMPLE = {
  timestamp: "2020-03-04T03:00:28.973-0800",
  rule: {
    level: 10,
    description: "Testing same_field option",
    id: "100002",
    frequency: 4,
    firedtimes: 1,
    mail: false,
    groups: ["local"],
  },
  agent: { id: "000", name: "ubuntu" },
  manager: { name: "ubuntu" },
  id: "1583319628.14426",
  full_log: '{"key":"value","key2":"AAAA"}',
  decoder: { name: "json" },
  data: { key: "value", key2: "AAAA" },
  location: "/root/test.log",
};

/**
 * https://learn.microsoft.com/en-us/azure/sentinel/playbook-triggers-actions (the incident
 * trigger's body: the incident object with its entities) with the properties of
 * https://learn.microsoft.com/en-us/javascript/api/@azure/arm-securityinsight/incidentproperties
 */
export const SENTINEL_SAMPLE = {
  eventUniqueId: "a4c1a7d2-7e1f-4e3b-9c1f-3b7f0f2d6e11",
  objectSchemaType: "Incident",
  objectEventType: "Create",
  workspaceInfo: {
    SubscriptionId: "00000000-0000-0000-0000-000000000000",
    ResourceGroupName: "soc",
    WorkspaceName: "sentinel-ws",
  },
  workspaceId: "11111111-2222-3333-4444-555555555555",
  object: {
    id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/sentinel-ws/providers/Microsoft.SecurityInsights/Incidents/73e01a99-5cd7-4139-a149-9f2736ff2ab5",
    name: "73e01a99-5cd7-4139-a149-9f2736ff2ab5",
    type: "Microsoft.SecurityInsights/Incidents",
    properties: {
      title: "Suspicious mass download of customer files",
      description: "A user downloaded an unusual number of files from the claims share.",
      severity: "High",
      status: "New",
      incidentNumber: 1012,
      createdTimeUtc: "2026-03-14T10:45:00.000Z",
      firstActivityTimeUtc: "2026-03-14T10:31:12.000Z",
      lastActivityTimeUtc: "2026-03-14T10:44:00.000Z",
      incidentUrl:
        "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/sentinel-ws/providers/Microsoft.SecurityInsights/Incidents/73e01a99-5cd7-4139-a149-9f2736ff2ab5",
      providerName: "Azure Sentinel",
      providerIncidentId: "1012",
      labels: [],
      relatedAnalyticRuleIds: [],
      relatedEntities: [
        { kind: "Host", properties: { hostName: "fileserver-02", friendlyName: "fileserver-02" } },
        { kind: "Ip", properties: { address: "10.0.4.17" } },
        { kind: "Account", properties: { accountName: "jdoe" } },
      ],
    },
  },
};
