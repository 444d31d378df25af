import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedDemo } from "../../prisma/seed-demo";
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-data";
import { signInWithPassword } from "@/server/services/sign-in";
import { loadViewer } from "@/server/data/load-viewer";
import { findChainBreak, type StoredEvent } from "@/domain/audit/chain";
import { auditKey } from "@/server/audit-key";
import { isSettled } from "@/domain/deadlines/obligation-status";

describe("demo seed", () => {
  it("creates the demo organization once; a second run changes nothing", async () => {
    const first = await seedDemo(db());
    expect(first.created).toBe(1 + 3 + DEMO_USERS.length);
    expect(first.incidents).toBe(42);
    expect(await seedDemo(db())).toEqual({ created: 0, incidents: 0 });

    const org = await db().organization.findUniqueOrThrow({ where: { slug: DEMO_ORGANIZATION.slug } });
    const clients = await db().client.findMany({ where: { organizationId: org.id } });
    expect(new Set(clients.map((c) => c.sector)).size).toBe(3);
    expect(new Set(clients.map((c) => c.timeZone)).size).toBe(3);
    expect(await db().user.count({ where: { organizationId: org.id } })).toBe(DEMO_USERS.length);

    const events = (await db().auditEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { seq: "asc" },
    })) as StoredEvent[];
    expect(events.length).toBeGreaterThan(first.created + first.incidents);
    expect(findChainBreak(events, auditKey())).toBeNull();

    // every type in every phase, with a history that got it there
    const incidents = await db().incident.findMany({
      where: { organizationId: org.id },
      include: { phaseEvents: true },
    });
    expect(new Set(incidents.map((i) => `${i.type}/${i.phase}`)).size).toBe(6 * 7);
    const closed = incidents.filter((i) => i.phase === "CLOSED");
    expect(closed.every((i) => i.phaseEvents.filter((e) => e.kind === "ADVANCE").length === 6)).toBe(true);
    expect(await db().evidence.count({ where: { incident: { organizationId: org.id } } })).toBeGreaterThan(0);

    // a well-run team: every notice sent and every filing made was on time; what is still open
    // is a handful on the newest incidents, one of them overdue, one waiting for approval
    const now = Date.now();
    const obligations = await db().obligation.findMany({
      where: { incident: { organizationId: org.id }, active: true },
    });
    const unsettled = obligations.filter((o) => !isSettled(o.status));
    const delivered = obligations.filter((o) => o.deliveredAt);
    expect(delivered.length).toBeGreaterThan(obligations.length / 3);
    expect(delivered.filter((o) => o.deliveredAt! > (o.settledDueAt ?? o.dueAt ?? o.deliveredAt!))).toEqual([]);
    expect(unsettled.length).toBeLessThan(obligations.length / 8);
    expect(new Set(unsettled.map((o) => o.incidentId)).size).toBeLessThanOrEqual(3);
    const overdue = unsettled.filter((o) => o.dueAt && o.dueAt.getTime() < now);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.dueAt!.getTime()).toBeGreaterThan(now - 24 * 3600_000);
    expect(
      unsettled.some(
        (o) => o.status === "DRAFT" && o.dueAt && o.dueAt.getTime() > now && o.dueAt.getTime() < now + 12 * 3600_000,
      ),
    ).toBe(true);
    expect(unsettled.filter((o) => o.status === "AWAITING_APPROVAL")).toHaveLength(1);
    expect(
      await db().notice.count({ where: { status: "AWAITING_APPROVAL", incident: { organizationId: org.id } } }),
    ).toBe(1);
    const sent = await db().notice.findMany({
      where: { status: "SENT", incident: { organizationId: org.id } },
      include: { obligation: true },
    });
    expect(sent.filter((n) => n.obligation.status === "ACKNOWLEDGED").length).toBe(sent.length);

    // client questions: answered within the hour, but for one asked today
    const threads = await db().notice.findMany({
      where: { incident: { organizationId: org.id }, messages: { some: {} } },
      include: { messages: { orderBy: { createdAt: "asc" }, include: { author: true } } },
    });
    const unanswered = threads.filter((t) => t.messages.at(-1)!.author.role === "CLIENT_CONTACT");
    expect(unanswered).toHaveLength(1);
    expect(unanswered[0]!.messages.at(-1)!.createdAt.getTime()).toBeGreaterThan(now - 24 * 3600_000);
    expect(threads.length).toBeGreaterThan(1);

    // every role can sign in with the printed password; the analyst works for 2 of the 3 clients
    for (const role of ["ADMIN", "MANAGER", "ANALYST", "CLIENT_CONTACT"] as const) {
      const u = DEMO_USERS.find((d) => d.role === role)!;
      const signedIn = await signInWithPassword({ email: u.email, password: DEMO_PASSWORD });
      expect(signedIn?.role).toBe(role);
    }
    const analyst = await db().user.findUniqueOrThrow({ where: { email: "analyst@warden.test" } });
    expect((await loadViewer(analyst.id))?.clientIds).toHaveLength(2);
  }, 180_000); // the seed walks six incidents through every service twice: ~40 s alone, more on a busy machine
});
