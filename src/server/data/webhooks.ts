import "server-only";
import { db } from "../db";
import type { Viewer } from "@/domain/access/can";

export type DeliveryRow = {
  id: string;
  event: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  durationMs: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
  /** Each attempt's response code (null: no answer), oldest first. */
  codes: Array<number | null>;
};

export type WebhookView = {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  allowPrivate: boolean;
  createdAt: Date;
  deliveries: DeliveryRow[];
};

const LOG_SIZE = 20;

/** The organization's subscriptions (never their secrets) with each one's latest deliveries. */
export async function listWebhooks(viewer: Viewer): Promise<WebhookView[]> {
  const subs = await db().webhookSubscription.findMany({
    where: { organizationId: viewer.organizationId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      events: true,
      enabled: true,
      allowPrivate: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: LOG_SIZE,
        select: {
          id: true,
          event: true,
          status: true,
          attempts: true,
          lastResponseCode: true,
          lastError: true,
          durationMs: true,
          createdAt: true,
          deliveredAt: true,
          nextAttemptAt: true,
          history: true,
        },
      },
    },
  });
  return subs.map(({ deliveries, ...sub }) => ({
    ...sub,
    deliveries: deliveries.map(({ history, ...d }) => ({
      ...d,
      codes: (Array.isArray(history) ? history : []).map((h) =>
        h && typeof h === "object" && !Array.isArray(h) && typeof h.status === "number" ? h.status : null,
      ),
    })),
  }));
}
