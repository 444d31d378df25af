import { createHash, randomBytes, randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { DataCategory, IncidentType, Severity } from "@/domain/incident/types";
import { SEVERITIES } from "@/domain/incident/types";

// Alerts for triage and automation tests, written as ingestion stores them (the ingestion API
// has its own tests): one integration per organization, an alert per call.

const integrations = new Map<string, string>();

async function integrationFor(organizationId: string): Promise<string> {
  const known = integrations.get(organizationId);
  if (known) return known;
  const key = randomBytes(16).toString("hex");
  const row = await db().integration.create({
    data: {
      organizationId,
      name: `Test SIEM ${key.slice(0, 6)}`,
      format: "GENERIC",
      clients: {
        create: (await db().client.findMany({ where: { organizationId }, select: { id: true } })).map((c) => ({
          clientId: c.id,
        })),
      },
      keyPrefix: `wk_${key.slice(0, 8)}`,
      keyHash: createHash("sha256").update(key).digest("hex"),
      signingSecret: randomBytes(32),
      signingMasterKeyId: "test",
    },
  });
  integrations.set(organizationId, row.id);
  return row.id;
}

export type AlertPatch = Partial<{
  source: string;
  title: string;
  type: IncidentType | null;
  severity: Severity;
  observedAt: Date;
  receivedAt: Date;
  count: number;
  dataCategories: DataCategory[];
  assets: string[];
  jurisdictions: string[];
}>;

export async function alertIn(organizationId: string, clientId: string, patch: AlertPatch = {}) {
  const integrationId = await integrationFor(organizationId);
  const severity = patch.severity ?? "HIGH";
  const observedAt = patch.observedAt ?? new Date("2026-01-10T09:00:00Z");
  const receivedAt = patch.receivedAt ?? new Date("2026-01-10T09:01:00Z");
  const count = patch.count ?? 1;
  return db().alert.create({
    data: {
      id: randomUUID(),
      organizationId,
      clientId,
      integrationId,
      source: patch.source ?? "wazuh",
      externalId: randomUUID(),
      fingerprint: createHash("sha256").update(randomUUID()).digest("hex"),
      title: patch.title ?? "Multiple authentication failures on agent VPN",
      type: patch.type === undefined ? "CYBERATTACK" : patch.type,
      severity,
      severityRank: SEVERITIES.indexOf(severity) + 1,
      observedAt,
      receivedAt,
      lastSeenAt: receivedAt,
      count,
      status: count > 1 ? "GROUPED" : "NEW",
      dataCategories: patch.dataCategories ?? ["PERSONAL", "CREDENTIALS"],
      assets: patch.assets ?? ["vpn-gw-01"],
      jurisdictions: patch.jurisdictions ?? ["US-CA"],
      rawPayload: "{}",
    },
  });
}
