// The demo organization's integrations (Admin → Integrations): their API keys and signing secrets
// are fixed and public, like the demo password, derived from their names (HMAC-SHA-256 keyed
// "warden-demo"), so the README's curl examples and `npm start` know them. Only the demo seed
// makes them; a real integration's key and secret are random and shown once.
import { createHmac, randomUUID } from "node:crypto";
import type { PrismaClient } from "../src/generated/prisma/client";
import { appendAudit } from "../src/server/audit";
import { sealSigningSecret } from "../src/server/crypto/integration-secret";
import { API_KEY_PREFIX, SIGNING_SECRET_PREFIX, apiKeyHash, apiKeyPrefix } from "../src/domain/alerts/api-key";
import type { IntegrationFormat } from "../src/domain/alerts/mappings/map-payload";

const derive = (what: string) => createHmac("sha256", "warden-demo").update(what).digest().toString("base64url");

export type DemoIntegration = { name: string; format: IntegrationFormat; apiKey: string; signingSecret: string };

export const DEMO_INTEGRATIONS: readonly DemoIntegration[] = [
  { name: "Demo SIEM (generic JSON)", format: "GENERIC" },
  { name: "Demo Wazuh", format: "WAZUH" },
].map((i) => ({
  ...i,
  format: i.format as IntegrationFormat,
  apiKey: API_KEY_PREFIX + derive(`integration-key|${i.name}`),
  signingSecret: SIGNING_SECRET_PREFIX + derive(`integration-secret|${i.name}`),
}));

/** Makes the demo integrations once (posting for every demo client; the first is the default). */
export async function seedDemoIntegrations(
  prisma: PrismaClient,
  organizationId: string,
  clientIds: readonly string[],
): Promise<number> {
  let made = 0;
  for (const d of DEMO_INTEGRATIONS) {
    if (await prisma.integration.findUnique({ where: { keyHash: apiKeyHash(d.apiKey) }, select: { id: true } }))
      continue;
    const id = randomUUID();
    const sealed = sealSigningSecret(id, d.signingSecret);
    await prisma.$transaction(async (tx) => {
      await tx.integration.create({
        data: {
          id,
          organizationId,
          name: d.name,
          format: d.format,
          defaultClientId: clientIds[0] ?? null,
          keyPrefix: apiKeyPrefix(d.apiKey),
          keyHash: apiKeyHash(d.apiKey),
          signingSecret: sealed.sealed,
          signingMasterKeyId: sealed.masterKeyId,
          rateLimitPerMinute: 600,
          clients: { create: clientIds.map((clientId) => ({ clientId })) },
        },
      });
      await appendAudit(tx, {
        organizationId,
        actor: { id: null, label: "demo seed" },
        action: "integration.create",
        entityType: "Integration",
        entityId: id,
        changes: {
          name: d.name,
          format: d.format,
          clientIds: [...clientIds],
          keyPrefix: apiKeyPrefix(d.apiKey),
          demo: true,
        },
      });
    });
    made += 1;
  }
  return made;
}
