import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { hashPassword } from "@/server/passwords";

export const FIXTURE_PASSWORD = "correct horse battery staple";
let hashed: Promise<string> | undefined;

/**
 * A fresh organization of its own per call (so tests never share rows): clients A and B, an
 * admin, a manager, an analyst assigned to A only, and one contact for each client.
 */
export async function makeTenant() {
  const tag = randomUUID().slice(0, 8);
  const passwordHash = await (hashed ??= hashPassword(FIXTURE_PASSWORD));
  const prisma = db();
  const org = await prisma.organization.create({ data: { name: `Org ${tag}`, slug: `org-${tag}` } });
  const client = (name: string) =>
    prisma.client.create({
      data: { organizationId: org.id, name, sector: "HEALTHCARE", timeZone: "America/Chicago", country: "US" },
    });
  const clientA = await client(`Client A ${tag}`);
  const clientB = await client(`Client B ${tag}`);
  const user = (
    role: "ADMIN" | "MANAGER" | "ANALYST" | "CLIENT_CONTACT",
    key: string,
    extra: { clientId?: string; assign?: string[] } = {},
  ) =>
    prisma.user.create({
      data: {
        organizationId: org.id,
        email: `${key}-${tag}@fixture.test`,
        name: `${key} ${tag}`,
        role,
        passwordHash,
        clientId: extra.clientId,
        assignments: extra.assign ? { create: extra.assign.map((clientId) => ({ clientId })) } : undefined,
      },
    });
  return {
    org,
    clientA,
    clientB,
    admin: await user("ADMIN", "admin"),
    manager: await user("MANAGER", "manager"),
    analyst: await user("ANALYST", "analyst", { assign: [clientA.id] }),
    contactA: await user("CLIENT_CONTACT", "contact-a", { clientId: clientA.id }),
    contactB: await user("CLIENT_CONTACT", "contact-b", { clientId: clientB.id }),
  };
}
