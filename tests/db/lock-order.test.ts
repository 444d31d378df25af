import { describe, expect, it } from "vitest";
import { openedNotice } from "../support/notice-fixture";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { draftNotice, updateNoticeDraft } from "@/server/services/notices/draft-notice";
import { reviewNotice, submitNotice } from "@/server/services/notices/review-notice";
import { updateClient } from "@/server/services/admin/clients";
import { updateClientSchema } from "@/lib/validation/client";
import { getNoticeForStaff } from "@/server/data/obligations";
import type { NoticeField } from "@/domain/notices/notice-content";

// An administrator's change of a client's terms recomputes the obligations of its open incidents
// under the organization's audit lock; submitting a notice writes the notice and its obligation.
// Both must take their locks in one order (the audit lock first), or each ends up waiting for
// the other and PostgreSQL aborts one of them (40P01, deadlock detected).

async function setting() {
  const t = await makeTenant();
  const analyst = await ctxFor(t.analyst.id);
  const { id: incidentId } = await logIncident(analyst, t.clientA.id);
  const o = await db().obligation.findUniqueOrThrow({
    where: { incidentId_ruleId: { incidentId, ruleId: "contract" } },
  });
  const draft = await draftNotice(analyst, { obligationId: o.id });
  if (!draft.ok) throw new Error(draft.message);
  // read as staff see it (the fields opened, however they are stored)
  const n = await getNoticeForStaff(analyst.viewer, incidentId, draft.value.id);
  if (!n) throw new Error("no notice");
  const values = Object.fromEntries(
    (n.fields as NoticeField[]).map((f) => [f.key, f.value || `Filled in: ${f.label}`]),
  );
  expect(
    (await updateNoticeDraft(analyst, { noticeId: n.id, version: n.version, subject: n.subject, values })).ok,
  ).toBe(true);
  const client = await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } });
  const terms = (noticeHours: number) =>
    updateClientSchema.parse({
      clientId: client.id,
      name: client.name,
      sector: client.sector,
      timeZone: client.timeZone,
      country: client.country,
      noticeHours: String(noticeHours),
    });
  /** The submit as the editor posts it: the saved text unchanged (so its first audit entry comes after its row writes). */
  const submit = async () => {
    const saved = await openedNotice({ where: { id: n.id } });
    return () => submitNotice(analyst, { noticeId: n.id, version: saved.version, subject: saved.subject, values });
  };
  /** The administrator's confirmed change of the notice window (previewed first, as the form does). */
  const changeTerms = async (noticeHours: number) => {
    const admin = await ctxFor(t.admin.id);
    const preview = await updateClient(admin, terms(noticeHours));
    if (!preview.ok || preview.value.kind !== "PREVIEW") throw new Error("expected a preview");
    const previewHash = preview.value.preview.hash;
    return () => updateClient(admin, { ...terms(noticeHours), confirm: "1", previewHash });
  };
  return { t, noticeId: n.id, submit, changeTerms };
}

/** Nothing thrown (a deadlock would be); a refusal may only be a conflict, told as such. */
function expectNoDeadlock(results: PromiseSettledResult<{ ok: boolean; code?: string }>[]) {
  for (const r of results) {
    if (r.status === "rejected")
      expect.fail(`a transaction failed: ${String((r.reason as Error)?.message ?? r.reason).slice(0, 300)}`);
    if (!r.value.ok) expect(r.value.code).toBe("CONFLICT");
  }
}

const waiting = async () =>
  (
    await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_locks
    WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
  )[0]!.n;

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("administration changes and notice submissions take their locks in one order", () => {
  it("queued behind the administrator on the audit lock, a submission holds no row the administrator needs", async () => {
    const { t, noticeId, submit, changeTerms } = await setting();
    const [runSubmit, runChange] = [await submit(), await changeTerms(12)];
    // Hold the organization's audit lock, line the administrator up first and the submission
    // second, then let go: the administrator goes first, and recomputes the very obligation
    // the submission writes.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const holder = db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${t.org.id}`}, 0))`;
        await released;
      },
      { timeout: 30_000 },
    );
    await until(
      async () =>
        (
          await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
        )[0]!.n > 0,
      "the holder",
    );
    const change = runChange();
    await until(async () => (await waiting()) === 1, "the administrator to queue");
    const submission = runSubmit();
    await until(async () => (await waiting()) === 2, "the submission to queue");
    release();
    await holder;
    const results = await Promise.allSettled([change, submission]);
    expectNoDeadlock(results);
    expect(results.map((r) => r.status === "fulfilled" && r.value.ok)).toEqual([true, true]);
    expect(await openedNotice({ where: { id: noticeId } })).toMatchObject({ status: "AWAITING_APPROVAL" });
    expect(await db().client.findUniqueOrThrow({ where: { id: t.clientA.id } })).toMatchObject({ noticeHours: 12 });
  });

  it("thirty rounds at once: no deadlock; each succeeds or answers a clear conflict", async () => {
    const { t, noticeId, submit, changeTerms } = await setting();
    const manager = await ctxFor(t.manager.id);
    for (let round = 0; round < 30; round++) {
      const notice = await openedNotice({ where: { id: noticeId } });
      if (notice.status === "AWAITING_APPROVAL")
        expect((await reviewNotice(manager, { noticeId, decision: "RETURN", comment: "again" })).ok).toBe(true);
      const [runSubmit, runChange] = [await submit(), await changeTerms(round % 2 ? 24 : 12)];
      expectNoDeadlock(await Promise.allSettled([runSubmit(), runChange()]));
    }
  }, 180_000);
});
