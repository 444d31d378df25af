import "server-only";
import { db } from "../db";
import { organizationClientsWhere, userWhere } from "./scope";
import { onCallNow, type OnCallNow } from "./on-call";
import { upcomingShifts } from "@/domain/on-call/on-call-at";
import type { Viewer } from "@/domain/access/can";

export type RotaView = {
  id: string;
  name: string;
  clientId: string | null;
  clientName: string | null;
  timeZone: string;
  handoverTime: string;
  shiftHours: number;
  startsOn: string;
  secondaryUserId: string | null;
  escalateAfterMinutes: number;
  enabled: boolean;
  version: number;
  members: Array<{ id: string; name: string }>;
  overrides: Array<{ id: string; userName: string; startsAt: Date; endsAt: Date; reason: string }>;
  now: OnCallNow | null;
  /** The next handovers by the rota (overrides aside): when, and whose turn. */
  upcoming: Array<{ startsAt: Date; name: string | null }>;
};

export type RotaPage = {
  rotas: RotaView[];
  staff: Array<{ id: string; name: string; role: string }>;
  clients: Array<{ id: string; name: string; timeZone: string }>;
};

/**
 * The organization's rotas for those who keep them: each with its members in order, its
 * overrides not yet ended, and who is on call now by it (as the incident page would say for
 * its client); with the staff and clients the forms offer.
 */
export async function listRotas(viewer: Viewer, now: Date): Promise<RotaPage> {
  const [rows, staff, clients] = await Promise.all([
    db().onCallRota.findMany({
      where: { organizationId: viewer.organizationId },
      orderBy: [{ name: "asc" }],
      include: {
        members: { orderBy: { position: "asc" }, select: { userId: true } },
        overrides: { where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" } },
      },
    }),
    db().user.findMany({
      where: userWhere(viewer, { active: true, role: { in: ["ADMIN", "MANAGER", "ANALYST"] } }),
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
    }),
    db().client.findMany({
      where: organizationClientsWhere(viewer),
      select: { id: true, name: true, timeZone: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const names = new Map(
    (
      await db().user.findMany({
        where: userWhere(viewer, {
          id: {
            in: [
              ...new Set(rows.flatMap((r) => [...r.members.map((m) => m.userId), ...r.overrides.map((o) => o.userId)])),
            ],
          },
        }),
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const rotas = await Promise.all(
    rows.map(async (r) => {
      // who is on call by this rota (a client rota, or the organization's for clients without one)
      const current = r.enabled
        ? await onCallNow(db(), { organizationId: viewer.organizationId, clientId: r.clientId }, now)
        : null;
      return {
        id: r.id,
        name: r.name,
        clientId: r.clientId,
        clientName: r.clientId ? (clientName.get(r.clientId) ?? null) : null,
        timeZone: r.timeZone,
        handoverTime: r.handoverTime,
        shiftHours: r.shiftHours,
        startsOn: r.startsOn,
        secondaryUserId: r.secondaryUserId,
        escalateAfterMinutes: r.escalateAfterMinutes,
        enabled: r.enabled,
        version: r.version,
        members: r.members.map((m) => ({ id: m.userId, name: names.get(m.userId) ?? "(no longer here)" })),
        overrides: r.overrides.map((o) => ({
          id: o.id,
          userName: names.get(o.userId) ?? "(no longer here)",
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          reason: o.reason,
        })),
        now: current?.rotaId === r.id ? current : null,
        upcoming: upcomingShifts(
          {
            timeZone: r.timeZone,
            handoverTime: r.handoverTime,
            shiftHours: r.shiftHours,
            startsOn: r.startsOn,
            memberIds: r.members.map((m) => m.userId),
            secondaryUserId: r.secondaryUserId,
          },
          now,
          3,
        ).map((u) => ({ startsAt: u.startsAt, name: u.memberId ? (names.get(u.memberId) ?? null) : null })),
      };
    }),
  );
  return { rotas, staff: staff.map((s) => ({ ...s, role: s.role })), clients };
}
