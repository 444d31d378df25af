import { expect } from "vitest";
import { db } from "@/server/db";
import { ctxFor } from "./incident-fixture";
import type { makeTenant } from "./tenant-fixture";
import { draftNotice, updateNoticeDraft } from "@/server/services/notices/draft-notice";
import { reviewNotice, submitNotice } from "@/server/services/notices/review-notice";
import { sendNotice } from "@/server/services/notices/send-notice";
import { noticeDestinations } from "@/server/data/notice-destinations";
import { readCipher } from "@/server/crypto/incident-keys";
import { openNoticeFields } from "@/server/crypto/sealed-notice";

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** The incident's contract notice drafted by the analyst, approved by the manager and sent to client A, through the services. */
export async function sentContractNotice(t: Tenant, incidentId: string): Promise<string> {
  const analyst = await ctxFor(t.analyst.id);
  const o = await db().obligation.findUniqueOrThrow({
    where: { incidentId_ruleId: { incidentId, ruleId: "contract" } },
  });
  const draft = await draftNotice(analyst, { obligationId: o.id });
  if (!draft.ok) throw new Error(draft.message);
  const n = await db().notice.findUniqueOrThrow({ where: { id: draft.value.id } });
  const values = Object.fromEntries(
    openNoticeFields(await readCipher(db(), incidentId), n.fields).map((f) => [
      f.key,
      f.value || `Filled in: ${f.label}`,
    ]),
  );
  expect(
    (await updateNoticeDraft(analyst, { noticeId: n.id, version: n.version, subject: n.subject, values })).ok,
  ).toBe(true);
  const saved = await db().notice.findUniqueOrThrow({ where: { id: n.id } });
  expect(
    (await submitNotice(analyst, { noticeId: n.id, version: saved.version, subject: saved.subject, values })).ok,
  ).toBe(true);
  expect((await reviewNotice(await ctxFor(t.manager.id), { noticeId: n.id, decision: "APPROVE" })).ok).toBe(true);
  const { fingerprint } = await noticeDestinations(db(), t.clientA.id);
  expect((await sendNotice(analyst, { noticeId: n.id, recipients: fingerprint })).ok).toBe(true);
  return n.id;
}

/** A notice row as stored, with its sealed fields opened (what the services and pages see). */
export async function openedNotice(args: { where: { id: string } }) {
  const n = await db().notice.findUniqueOrThrow(args);
  return { ...n, fields: openNoticeFields(await readCipher(db(), n.incidentId), n.fields) };
}
