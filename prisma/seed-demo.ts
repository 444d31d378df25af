import type { PrismaClient } from "../src/generated/prisma/client";
import { appendAudit } from "../src/server/audit";
import { present } from "../scripts/lib/present";
import { hashPassword } from "../src/server/passwords";
import { sealSecret } from "../src/server/mfa/secret-box";
import { demoTotpSecret } from "./demo-totp";
import { DEMO_CLIENTS, DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS, demoCopyEmail } from "./demo-data";
import { seedIncidents } from "./seed-incidents";
import { seedDemoIntegrations } from "./demo-integration";
import { seedDemoOnCall } from "./demo-on-call";

const SEED_ACTOR = { id: null, label: "demo seed" } as const;

/**
 * A copy of the demo organization under another slug and name, each account's address tagged
 * (`analyst@warden.test` → `analyst.<tag>@warden.test`), without the integrations (their keys
 * are derived from their names, so unique in an installation) and the on-call rotas: the browser
 * tests give a spec that changes settings or people an organization of its own with it.
 */
export type DemoCopy = { slug: string; name: string; tag: string };

/**
 * Creates the demo organization (or a copy of it), its clients and users, once. Run it again and
 * it changes nothing: rows are looked up by their natural keys (slug, client name, email) first.
 * Returns how many rows it created (organization, clients, users) and how many incidents.
 */
export async function seedDemo(
  prisma: PrismaClient,
  opts: { incidents?: boolean; copy?: DemoCopy } = {},
): Promise<{ created: number; incidents: number }> {
  let created = 0;
  const { copy } = opts;
  const organization = copy ? { ...DEMO_ORGANIZATION, slug: copy.slug, name: copy.name } : DEMO_ORGANIZATION;
  const emailOf = (email: string) => (copy ? demoCopyEmail(email, copy.tag) : email);
  const org =
    (await prisma.organization.findUnique({ where: { slug: organization.slug } })) ??
    (await prisma.$transaction(async (tx) => {
      const o = await tx.organization.create({ data: organization });
      await appendAudit(tx, {
        organizationId: o.id,
        actor: SEED_ACTOR,
        action: "organization.create",
        entityType: "Organization",
        entityId: o.id,
        changes: { name: o.name },
      });
      created += 1;
      return o;
    }));

  const clientIds = new Map<string, string>();
  for (const { key, ...data } of DEMO_CLIENTS) {
    const existing = await prisma.client.findUnique({
      where: { organizationId_name: { organizationId: org.id, name: data.name } },
    });
    if (existing) {
      clientIds.set(key, existing.id);
      continue;
    }
    const client = await prisma.$transaction(async (tx) => {
      const c = await tx.client.create({ data: { ...data, organizationId: org.id } });
      await appendAudit(tx, {
        organizationId: org.id,
        actor: SEED_ACTOR,
        action: "client.create",
        entityType: "Client",
        entityId: c.id,
        changes: { name: c.name, sector: c.sector },
      });
      return c;
    });
    created += 1;
    clientIds.set(key, client.id);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const email = emailOf(u.email);
    if (await prisma.user.findUnique({ where: { email } })) continue;
    const ids = u.clients.map((k) => present(clientIds.get(k), `the ${k} client`));
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          organizationId: org.id,
          email,
          name: u.name,
          role: u.role,
          passwordHash,
          clientId: u.role === "CLIENT_CONTACT" ? ids[0] : null,
          assignments: u.role === "ANALYST" ? { create: ids.map((clientId) => ({ clientId })) } : undefined,
        },
      });
      await appendAudit(tx, {
        organizationId: org.id,
        actor: SEED_ACTOR,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        changes: { role: u.role, clients: ids },
      });
    });
    created += 1;
  }
  await enrolDemoAuthenticators(
    prisma,
    org.id,
    DEMO_USERS.map((u) => emailOf(u.email)),
  );
  if (!copy) {
    await seedDemoIntegrations(prisma, org.id, [...clientIds.values()]);
    await seedDemoOnCall(prisma, org.id, clientIds);
  }
  const incidents = opts.incidents === false ? 0 : await seedIncidents(prisma, org, clientIds);
  return { created, incidents };
}

/**
 * Gives each demo account its fixed, public authenticator secret (demo-totp.ts), sealed with
 * this installation's key, where it has none: staff must sign in with a second factor, and the
 * demo's codes are printed by `npm start` and `npm run demo:code`. Existing demo databases get
 * them on the next start. Returns how many it set.
 */
export async function enrolDemoAuthenticators(
  prisma: PrismaClient,
  organizationId: string,
  emails: readonly string[],
): Promise<number> {
  let set = 0;
  for (const email of emails) {
    const user = await prisma.user.findFirst({
      where: { email, organizationId, totpEnabledAt: null },
      select: { id: true },
    });
    if (!user) continue;
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { totpSecret: sealSecret(demoTotpSecret(email), user.id), totpEnabledAt: new Date(), totpLastStep: null },
      });
      await appendAudit(tx, {
        organizationId,
        actor: SEED_ACTOR,
        action: "user.mfa_enrolled",
        entityType: "User",
        entityId: user.id,
        changes: { demo: true },
      });
    });
    set += 1;
  }
  return set;
}
