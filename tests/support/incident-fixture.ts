import { loadViewer } from "@/server/data/load-viewer";
import type { ServiceContext } from "@/server/services/context";
import { createIncident } from "@/server/services/incidents/create-incident";
import { createIncidentSchema } from "@/lib/validation/incident";

export async function ctxFor(userId: string, now = new Date()): Promise<ServiceContext> {
  const viewer = await loadViewer(userId);
  if (!viewer) throw new Error("no viewer for fixture user");
  return { viewer, now, requestId: "test-request", ip: "127.0.0.1" };
}

/** Logs an incident through the real schema and service, as the form would. */
export async function logIncident(ctx: ServiceContext, clientId: string, patch: Record<string, unknown> = {}) {
  const input = createIncidentSchema(ctx.now).parse({
    clientId,
    title: "Phishing led to mailbox access",
    summary: "An agent entered credentials on a phishing page; the mailbox held claim forms.",
    type: "DATA_BREACH",
    severity: "HIGH",
    timeZone: "UTC",
    occurredAt: "2026-01-10T08:00",
    detectedAt: "2026-01-10T09:00",
    awareAt: "2026-01-10T09:30",
    dataCategories: ["PERSONAL", "HEALTH"],
    jurisdictions: ["US-CA"],
    ...patch,
  });
  const result = await createIncident(ctx, input);
  if (!result.ok) throw new Error(`fixture incident refused: ${result.message}`);
  return result.value;
}
