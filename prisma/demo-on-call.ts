// The demo organization's on-call rotas: Mercy Regional Health has its own (Priya, then Morgan,
// weekly from Monday 09:00 in the client's zone); every other client falls to the organization's
// (Morgan, then Ada). Made once; an existing rota of the same name is left as it is.
import type { PrismaClient } from "../src/generated/prisma/client";
import { appendAudit } from "../src/server/audit";

const SEED_ACTOR = { id: null, label: "demo seed" } as const;

export const DEMO_ROTAS = [
  { name: "Mercy Regional Health standby", client: "health", members: ["analyst@warden.test", "manager@warden.test"] },
  { name: "Warden standby", client: null, members: ["manager@warden.test", "admin@warden.test"] },
] as const;

export async function seedDemoOnCall(
  prisma: PrismaClient,
  organizationId: string,
  clientIds: ReadonlyMap<string, string>,
): Promise<number> {
  let made = 0;
  for (const r of DEMO_ROTAS) {
    if (await prisma.onCallRota.findFirst({ where: { organizationId, name: r.name }, select: { id: true } })) continue;
    const clientId = r.client ? (clientIds.get(r.client) ?? null) : null;
    const zone = clientId
      ? (await prisma.client.findUniqueOrThrow({ where: { id: clientId }, select: { timeZone: true } })).timeZone
      : (await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true } }))
          .timeZone;
    const people = await prisma.user.findMany({
      where: { organizationId, email: { in: [...r.members] } },
      select: { id: true, email: true },
    });
    const memberIds = r.members
      .map((email) => people.find((p) => p.email === email)?.id)
      .filter((id) => id !== undefined);
    await prisma.$transaction(async (tx) => {
      const rota = await tx.onCallRota.create({
        data: {
          organizationId,
          clientId,
          name: r.name,
          timeZone: zone,
          handoverTime: "09:00",
          shiftHours: 168,
          startsOn: "2026-01-05",
          escalateAfterMinutes: 15,
          members: { create: memberIds.map((userId, position) => ({ userId, position })) },
        },
      });
      await appendAudit(tx, {
        organizationId,
        actor: SEED_ACTOR,
        action: "oncall.rota_create",
        entityType: "OnCallRota",
        entityId: rota.id,
        changes: { name: r.name, clientId, timeZone: zone, handoverTime: "09:00", shiftHours: 168, memberIds },
      });
    });
    made += 1;
  }
  return made;
}
