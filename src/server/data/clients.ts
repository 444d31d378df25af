import "server-only";
import { db, sqlRows } from "../db";
import { clientWhere, tenantScopeSql } from "./scope";
import { cachedFigures } from "./figure-cache";
import { parseId } from "@/lib/validation/ids";
import { REGIME_FLAGS, REGIME_FLAG_KEYS } from "@/domain/clients";
import type { Viewer } from "@/domain/access/can";
import { Prisma } from "@/generated/prisma/client";
import { OPEN_PHASES } from "@/domain/incident/types";

export type ClientSummary = {
  id: string;
  name: string;
  sector: string;
  timeZone: string;
  country: string;
  noticeHours: number;
  noticeBusinessHoursOnly: boolean;
  regimes: string[];
};

const summarySelect = {
  id: true,
  name: true,
  sector: true,
  timeZone: true,
  country: true,
  noticeHours: true,
  noticeBusinessHoursOnly: true,
  hipaaCoveredEntity: true,
  doraFinancialEntity: true,
  nis2Entity: true,
  secRegistrant: true,
  handlesCardData: true,
  glbaFinancialInstitution: true,
  nydfsCoveredEntity: true,
  regSpCoveredInstitution: true,
  telecomCarrier: true,
} satisfies Prisma.ClientSelect;

type SummaryRow = Prisma.ClientGetPayload<{ select: typeof summarySelect }>;

function toSummary(c: SummaryRow): ClientSummary {
  const regimes = REGIME_FLAG_KEYS.filter((flag) => c[flag]).map((flag) => REGIME_FLAGS[flag]);
  return {
    id: c.id,
    name: c.name,
    sector: c.sector,
    timeZone: c.timeZone,
    country: c.country,
    noticeHours: c.noticeHours,
    noticeBusinessHoursOnly: c.noticeBusinessHoursOnly,
    regimes,
  };
}

/** Clients the viewer may see, by name. */
export async function listVisibleClients(viewer: Viewer): Promise<ClientSummary[]> {
  const rows = await db().client.findMany({
    where: clientWhere(viewer),
    select: summarySelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toSummary);
}

/** The same list for filters and pickers on busy pages, kept until the organization changes. */
export async function listVisibleClientsCached(viewer: Viewer): Promise<readonly ClientSummary[]> {
  return (await cachedFigures(viewer, ["clients"], () => listVisibleClients(viewer))).value;
}

/** One client in the viewer's scope, or null: unknown, malformed and out-of-scope ids alike. */
export async function getVisibleClient(viewer: Viewer, id: unknown): Promise<ClientSummary | null> {
  const clientId = parseId(id);
  if (!clientId) return null;
  const row = await db().client.findFirst({ where: clientWhere(viewer, { id: clientId }), select: summarySelect });
  return row ? toSummary(row) : null;
}

/** Open incidents per client in the viewer's scope (clients with none are absent), kept until the organization changes. */
export async function countOpenIncidentsByClient(viewer: Viewer): Promise<Readonly<Record<string, number>>> {
  const { value } = await cachedFigures(viewer, ["open-by-client"], async () => {
    const rows = await sqlRows<{ clientId: string; n: number }>(Prisma.sql`
      SELECT i."clientId", count(*)::int AS n FROM "Incident" i
      WHERE ${tenantScopeSql(viewer, "i")} AND i.phase = ANY(${[...OPEN_PHASES]}::"Phase"[])
      GROUP BY i."clientId"`);
    return Object.fromEntries(rows.map((r) => [r.clientId, r.n]));
  });
  return value;
}
