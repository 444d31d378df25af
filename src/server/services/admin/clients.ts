import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { createHash } from "node:crypto";
import type { Tx } from "../../db";
import { planObligations, syncObligations, termsOf } from "../obligations/sync-obligations";
import { formatBasisTime } from "@/domain/deadlines/obligations";
import { termsChangeFor, type ObligationChange } from "@/domain/deadlines/terms-change";
import type { Client } from "@/generated/prisma/client";
import { lockAsAdministrator } from "./admin-lock";
import { OPEN_PHASES } from "@/domain/incident/types";
import type { ClientInput, UpdateClientInput } from "@/lib/validation/client";

// Administrators add clients and keep their contract terms and regime flags current. A change
// to anything the deadline rules read recomputes the obligations of the client's open
// incidents in the same transaction (with a revision naming the cause), like a rule override,
// once the administrator has seen what it would do and confirmed exactly that.

// what termsOf() hands the deadline rules (the country is descriptive: no rule reads it)
const TERMS: ReadonlyArray<keyof ClientInput> = [
  "timeZone",
  "noticeHours",
  "noticeBusinessHoursOnly",
  "hipaaCoveredEntity",
  "doraFinancialEntity",
  "nis2Entity",
  "secRegistrant",
  "handlesCardData",
  "glbaFinancialInstitution",
  "nydfsCoveredEntity",
  "regSpCoveredInstitution",
  "telecomCarrier",
];

function data(input: ClientInput) {
  return { ...input, contractReference: input.contractReference ?? null, noticeEmail: input.noticeEmail ?? null };
}

const nameTaken = () =>
  fail("CONFLICT", "Check the highlighted field.", {
    fieldErrors: { name: ["Your organization already has a client of this name."] },
  });

export async function createClient(ctx: ServiceContext, input: ClientInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAsAdministrator(tx, ctx, "clients");
      if (
        await tx.client.findFirst({
          where: { organizationId: ctx.viewer.organizationId, name: { equals: input.name, mode: "insensitive" } },
          select: { id: true },
        })
      )
        nameTaken();
      const client = await tx.client.create({
        data: { organizationId: ctx.viewer.organizationId, ...data(input) },
        select: { id: true },
      });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "client.create",
        entityType: "Client",
        entityId: client.id,
        changes: data(input),
      });
      return client;
    }),
  );
}

export type TermsPreviewRow = {
  ruleId: string;
  title: string;
  citation: string;
  change: ObligationChange["change"];
  oldDue: string | null;
  newDue: string | null;
  settled: boolean;
  newlyOverdue: boolean;
  settledOnTimeThen: boolean;
};
export type TermsPreview = {
  /** SHA-256 of what was previewed: the confirmation must carry it, so a stale preview is refused. */
  hash: string;
  changes: string[];
  openIncidents: number;
  incidents: Array<{ id: string; reference: string; title: string; rows: TermsPreviewRow[] }>;
};
export type UpdateClientOutcome =
  { kind: "SAVED"; recomputed: number } | { kind: "PREVIEW"; preview: TermsPreview; stale: boolean };

const word = (v: unknown) => (typeof v === "boolean" ? (v ? "yes" : "no") : String(v));

/** What the new terms would do to the client's open incidents; nothing is written. */
async function previewTerms(
  tx: Tx,
  ctx: ServiceContext,
  before: Client,
  after: ReturnType<typeof data>,
  changed: readonly string[],
): Promise<TermsPreview> {
  const terms = termsOf({ ...before, ...after });
  const open = await tx.incident.findMany({
    where: { organizationId: ctx.viewer.organizationId, clientId: before.id, phase: { in: [...OPEN_PHASES] } },
    orderBy: { reference: "asc" },
  });
  const incidents: TermsPreview["incidents"] = [];
  for (const incident of open) {
    const plan = await planObligations(tx, incident, terms);
    const rows = termsChangeFor(plan.stored, plan, ctx.now);
    if (!rows.length) continue;
    const at = (d: Date | null) => (d ? formatBasisTime(d, terms.timeZone) : null);
    incidents.push({
      id: incident.id,
      reference: incident.reference,
      title: incident.title,
      rows: rows.map((r) => ({ ...r, oldDue: at(r.oldDue), newDue: at(r.newDue) })),
    });
  }
  const changes = changed.map(
    (k) => `${k}: ${word(before[k as keyof Client])} → ${word(after[k as keyof typeof after])}`,
  );
  // the hash covers the terms on both sides and every effect shown, so any change meanwhile
  // (to the client, its incidents' facts, their obligations) makes the preview stale
  const hash = createHash("sha256")
    .update(
      JSON.stringify({
        clientId: before.id,
        before: TERMS.map((k) => before[k]),
        after: TERMS.map((k) => after[k]),
        incidents,
      }),
    )
    .digest("hex");
  return { hash, changes, openIncidents: open.length, incidents };
}

/**
 * Saves a client's details. A change to its terms is previewed first (which open incidents'
 * deadlines would move, appear, go, or turn overdue) and saved only when confirmed with the hash
 * of that preview; a preview gone stale is refused and shown anew.
 */
export async function updateClient(
  ctx: ServiceContext,
  input: UpdateClientInput,
): Promise<Result<UpdateClientOutcome>> {
  const { clientId, confirm, previewHash, ...fields } = input;
  return attempt(() =>
    db().$transaction(async (tx): Promise<UpdateClientOutcome> => {
      // under the lock: two administrators editing one client cannot write back a stale term
      await lockAsAdministrator(tx, ctx, "clients");
      const before = await tx.client.findFirst({ where: { id: clientId, organizationId: ctx.viewer.organizationId } });
      if (!before) fail("NOT_FOUND", "No such client in your organization.");
      if (
        fields.name.toLowerCase() !== before.name.toLowerCase() &&
        (await tx.client.findFirst({
          where: {
            organizationId: ctx.viewer.organizationId,
            name: { equals: fields.name, mode: "insensitive" },
            id: { not: clientId },
          },
          select: { id: true },
        }))
      )
        nameTaken();
      const after = data(fields);
      const changes = Object.fromEntries(
        (Object.keys(after) as Array<keyof typeof after>)
          .filter((k) => before[k] !== after[k])
          .map((k) => [k, { before: before[k], after: after[k] }]),
      );
      if (!Object.keys(changes).length) return { kind: "SAVED", recomputed: 0 };
      const termsChanged = TERMS.filter((k) => k in changes);
      if (termsChanged.length) {
        const preview = await previewTerms(tx, ctx, before, after, termsChanged);
        if (!confirm || previewHash !== preview.hash) return { kind: "PREVIEW", preview, stale: !!confirm };
      }
      await tx.client.update({ where: { id: clientId }, data: after });
      await appendAudit(tx, {
        ...auditContext(ctx),
        action: "client.update",
        entityType: "Client",
        entityId: clientId,
        changes: termsChanged.length ? { ...changes, confirmedPreview: previewHash } : changes,
      });
      if (!termsChanged.length) return { kind: "SAVED", recomputed: 0 };
      const open = await tx.incident.findMany({
        where: { organizationId: ctx.viewer.organizationId, clientId, phase: { in: [...OPEN_PHASES] } },
      });
      let recomputed = 0; // open incidents whose deadlines actually moved, appeared or went
      for (const incident of open) {
        const { added, changed, retired } = await syncObligations(
          tx,
          ctx,
          incident,
          `client terms changed: ${termsChanged.join(", ")}`,
          { termsChanged: true },
        );
        if (added + changed + retired) recomputed += 1;
      }
      return { kind: "SAVED", recomputed };
    }),
  );
}
