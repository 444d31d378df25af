import { expect } from "vitest";
import { db } from "@/server/db";
import { ctxFor, logIncident } from "./incident-fixture";
import { makeTenant } from "./tenant-fixture";
import { draftNotice, updateNoticeDraft } from "@/server/services/notices/draft-notice";
import { reviewNotice, submitNotice } from "@/server/services/notices/review-notice";
import { sendNotice } from "@/server/services/notices/send-notice";
import { noticeDestinations } from "@/server/data/notice-destinations";
import { getNoticeForStaff } from "@/server/data/obligations";
import { loadViewer } from "@/server/data/load-viewer";
import type { NoticeField } from "@/domain/notices/notice-content";
import { ROLE_PERMISSIONS, type Permission, type Role } from "@/domain/access/permissions";
import type { EntryAccess } from "@/domain/access/access-registry";

// Two organizations for the access tests: "home" (clients A and B, one person of each role,
// and an analyst assigned to no client) and "away" (another tenant). Targets are named by the
// client they belong to: A (the analyst's and the contact's), B (another client of the same
// organization), other (a client of the other organization).

export type Tenant = Awaited<ReturnType<typeof makeTenant>>;
export const TARGETS = ["A", "B", "other"] as const;
export type Target = (typeof TARGETS)[number];
export const ACTORS = ["ADMIN", "MANAGER", "ANALYST", "UNASSIGNED_ANALYST", "CLIENT_CONTACT"] as const;
export type Actor = (typeof ACTORS)[number];

export const ROLE_OF: Record<Actor, Role> = {
  ADMIN: "ADMIN",
  MANAGER: "MANAGER",
  ANALYST: "ANALYST",
  UNASSIGNED_ANALYST: "ANALYST",
  CLIENT_CONTACT: "CLIENT_CONTACT",
};

/**
 * Which home clients each actor's data reaches, written from how the fixture was made (not read
 * back from the viewer loader under test): managers and admins all, the analyst the one
 * assigned, the contact their own.
 */
export const REACHES: Record<Actor, readonly Target[]> = {
  ADMIN: ["A", "B"],
  MANAGER: ["A", "B"],
  ANALYST: ["A"],
  UNASSIGNED_ANALYST: [],
  CLIENT_CONTACT: ["A"],
};

/**
 * The oracle: allowed exactly when the role holds the entry's permission (and the narrower one
 * its service asks for, if any) and the target is within the viewer's reach; another
 * organization's target never is.
 */
export function expectedAllowed(entry: EntryAccess, actor: Actor, target: Target | null): boolean {
  const role = ROLE_OF[actor];
  const held = (p: Permission) => ROLE_PERMISSIONS[role].includes(p);
  const narrower = entry.servicePermission?.[role === "CLIENT_CONTACT" ? "contact" : "staff"];
  if (!held(entry.gate as Permission) || (narrower && !held(narrower))) return false;
  if (target === null) return true;
  if (target === "other") return false;
  return entry.scope === "organization" || REACHES[actor].includes(target);
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function makeWorld() {
  const [home, away] = await Promise.all([makeTenant(), makeTenant()]);
  const staff = (t: Tenant, key: string, assign: string[]) =>
    db().user.create({
      data: {
        organizationId: t.org.id,
        email: `${key}-${t.org.slug}@fixture.test`,
        name: `${key} ${t.org.slug}`,
        role: "ANALYST",
        passwordHash: t.admin.passwordHash,
        assignments: { create: assign.map((clientId) => ({ clientId })) },
      },
    });
  const unassigned = await staff(home, "unassigned", []);
  // Writes notices the tests then approve: the approver must not have written them (four-eyes).
  const drafters = {
    home: await staff(home, "drafter", [home.clientA.id, home.clientB.id]),
    away: await staff(away, "drafter", [away.clientA.id, away.clientB.id]),
  };
  return { home, away, unassigned, drafters, memo: new Map<string, Promise<unknown>>() };
}

export function actorId(w: World, actor: Actor): string {
  return {
    ADMIN: w.home.admin.id,
    MANAGER: w.home.manager.id,
    ANALYST: w.home.analyst.id,
    UNASSIGNED_ANALYST: w.unassigned.id,
    CLIENT_CONTACT: w.home.contactA.id,
  }[actor];
}

/** The tenant, client and people a target lives with. */
export function place(w: World, target: Target) {
  const t = target === "other" ? w.away : w.home;
  const client = target === "B" ? t.clientB : t.clientA;
  const contact = target === "B" ? t.contactB : t.contactA;
  return { tenant: t, client, contact, drafter: target === "other" ? w.drafters.away : w.drafters.home };
}

export const INCIDENT_INPUT = {
  occurredAt: "2026-01-10T08:00",
  detectedAt: "2026-01-10T09:00",
  awareAt: "2026-01-10T09:30",
};

/** A new incident of the target's client, logged by its organization's manager. */
export async function incidentIn(w: World, target: Target) {
  const p = place(w, target);
  return logIncident(await ctxFor(p.tenant.manager.id), p.client.id);
}

export async function contractObligation(incidentId: string) {
  return db().obligation.findUniqueOrThrow({ where: { incidentId_ruleId: { incidentId, ruleId: "contract" } } });
}

export type NoticeState = "DRAFT" | "AWAITING_APPROVAL" | "APPROVED" | "SENT";

/**
 * A contract notice of a new incident of the target's client, taken through the services to
 * `state`: written by `drafterId` (the target's drafter unless given), approved by the manager.
 */
export async function noticeIn(w: World, target: Target, state: NoticeState, drafterId?: string): Promise<string> {
  const p = place(w, target);
  const incident = await incidentIn(w, target);
  const drafter = await ctxFor(drafterId ?? p.drafter.id);
  const o = await contractObligation(incident.id);
  const draft = await draftNotice(drafter, { obligationId: o.id });
  if (!draft.ok) throw new Error(draft.message);
  if (state === "DRAFT") return draft.value.id;
  const n = await readNotice(p.tenant.manager.id, draft.value.id);
  const values = Object.fromEntries(n.fields.map((f) => [f.key, f.value || `Filled in: ${f.label}`]));
  expect(
    (await updateNoticeDraft(drafter, { noticeId: n.id, version: n.version, subject: n.subject, values })).ok,
  ).toBe(true);
  const saved = await readNotice(p.tenant.manager.id, n.id);
  expect(
    (await submitNotice(drafter, { noticeId: n.id, version: saved.version, subject: saved.subject, values })).ok,
  ).toBe(true);
  if (state === "AWAITING_APPROVAL") return n.id;
  expect((await reviewNotice(await ctxFor(p.tenant.manager.id), { noticeId: n.id, decision: "APPROVE" })).ok).toBe(
    true,
  );
  if (state === "APPROVED") return n.id;
  const { fingerprint } = await noticeDestinations(db(), p.client.id);
  expect((await sendNotice(drafter, { noticeId: n.id, recipients: fingerprint })).ok).toBe(true);
  return n.id;
}

/** A notice as staff read it (its fields opened), through the staff page's loader, as `staffId`. */
export async function readNotice(staffId: string, noticeId: string) {
  const viewer = await loadViewer(staffId);
  const row = await db().notice.findUniqueOrThrow({ where: { id: noticeId }, select: { incidentId: true } });
  const n = viewer && (await getNoticeForStaff(viewer, row.incidentId, noticeId));
  if (!n) throw new Error("fixture notice not readable");
  return { ...n, fields: n.fields as unknown as NoticeField[] };
}

/** `make` once per key and world (for cases that only read, or are refused). */
export function shared<T>(w: World, key: string, make: () => Promise<T>): Promise<T> {
  let hit = w.memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = make();
    w.memo.set(key, hit);
  }
  return hit;
}
