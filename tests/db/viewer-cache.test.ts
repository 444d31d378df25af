import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { cachedViewer, caughtUpWith, forgetViewer } from "@/server/data/viewer-cache";
import { latestVersion, stopChangeFeed, trustedGeneration } from "@/server/change-feed";
import { updateUser } from "@/server/services/admin/users";
import { markNotificationsRead } from "@/server/services/mark-notifications-read";
import { updateUserSchema } from "@/lib/validation/user";
import { until } from "../support/until";

describe("the viewer kept between requests, invalidated by the change feed", () => {
  afterAll(stopChangeFeed); // its connection would keep the worker alive

  it("is reused until a change in its organization commits, then read afresh", async () => {
    trustedGeneration();
    await until(() => trustedGeneration() !== null); // the feed proved it delivers
    const t = await makeTenant();
    const other = await makeTenant();

    const first = await cachedViewer(t.analyst.id);
    expect(first?.clientIds).toEqual([t.clientA.id]);
    expect(await cachedViewer(t.analyst.id)).toBe(first); // no query: the same object

    // a change elsewhere leaves it alone
    const otherVersion = latestVersion(other.org.id);
    await logIncident(await ctxFor(other.manager.id), other.clientA.id);
    await until(() => latestVersion(other.org.id) !== otherVersion);
    expect(await cachedViewer(t.analyst.id)).toBe(first);

    // an assignment change here: the next read sees it as soon as the commit's notice arrives
    const admin = await ctxFor(t.admin.id);
    const before = latestVersion(t.org.id);
    expect(
      await updateUser(
        admin,
        updateUserSchema.parse({
          userId: t.analyst.id,
          role: "ANALYST",
          clientIds: [t.clientA.id, t.clientB.id],
          active: "on",
        }),
      ),
    ).toEqual({ ok: true, value: null });
    await until(() => latestVersion(t.org.id) !== before);
    const second = await cachedViewer(t.analyst.id);
    expect(second).not.toBe(first);
    expect([...second!.clientIds].sort()).toEqual([t.clientA.id, t.clientB.id].sort());

    // disabled: signed out on the next request
    const v2 = latestVersion(t.org.id);
    await updateUser(
      admin,
      updateUserSchema.parse({ userId: t.analyst.id, role: "ANALYST", clientIds: [t.clientA.id] }),
    );
    await until(() => latestVersion(t.org.id) !== v2);
    expect(await cachedViewer(t.analyst.id)).toBeNull();
  });

  it("a feed that silently stops delivering is dropped by its heartbeat, and what was kept under it is read again", async () => {
    await until(() => trustedGeneration() !== null);
    const t = await makeTenant();
    const first = await cachedViewer(t.manager.id);
    expect(await cachedViewer(t.manager.id)).toBe(first);
    const generation = trustedGeneration();
    // the listening connection stops reading (as if cut without a reset)
    const stream = (globalThis as { wardenFeed?: { client: { connection: { stream: { pause(): void } } } } })
      .wardenFeed!.client!.connection.stream;
    stream.pause();
    await until(() => trustedGeneration() !== generation, 20_000); // a heartbeat (every 10 s) goes unanswered
    const again = await cachedViewer(t.manager.id);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  }, 30_000);

  it("forgets one person's kept viewer on demand (after their own action): the next read is the database's", async () => {
    await until(() => trustedGeneration() !== null);
    const t = await makeTenant();
    const kept = await cachedViewer(t.admin.id);
    expect(await cachedViewer(t.admin.id)).toBe(kept);
    // a client added behind the cache's back (no version change): only a fresh read shows it
    const added = await db().client.create({
      data: { organizationId: t.org.id, name: `Late ${t.org.slug}`, sector: "OTHER", timeZone: "UTC", country: "US" },
    });
    expect((await cachedViewer(t.admin.id))?.clientIds).not.toContain(added.id);
    forgetViewer(t.admin.id);
    expect((await cachedViewer(t.admin.id))?.clientIds).toContain(added.id);
  });

  it("reads its own writes: after a change, this process knows the new version without the notice", async () => {
    await until(() => trustedGeneration() !== null);
    const t = await makeTenant();
    await db().staffNotification.create({
      data: { userId: t.manager.id, kind: "reminder", message: "Reminder", createdAt: new Date() },
    });
    const first = await cachedViewer(t.manager.id);
    expect(first?.unreadNotifications).toBe(1);
    // hold the feed's notices back, as if they were slow to arrive
    const stream = (
      globalThis as { wardenFeed?: { client: { connection: { stream: { pause(): void; resume(): void } } } } }
    ).wardenFeed!.client!.connection.stream;
    stream.pause();
    try {
      const ctx = await ctxFor(t.manager.id);
      expect(await markNotificationsRead(ctx)).toEqual({ ok: true, value: { count: 1 } });
      expect(await cachedViewer(t.manager.id)).toBe(first); // not told yet
      await caughtUpWith(t.org.id); // what a server action does before drawing the page again
      expect((await cachedViewer(t.manager.id))?.unreadNotifications).toBe(0);
    } finally {
      stream.resume();
    }
  });
});
