import "server-only";
import { db } from "../../db";
import { appendAudit } from "../../audit";
import { attempt, fail, type Result } from "../result";
import { auditContext, type ServiceContext } from "../context";
import { syncObligations } from "../obligations/sync-obligations";
import { lockAsAdministrator } from "./admin-lock";
import { OPEN_PHASES } from "@/domain/incident/types";
import type { ClientInput, UpdateClientInput } from "@/lib/validation/client";

// Administrators add clients and keep their contract terms and regime flags current. A change
// to anything the deadline rules read recomputes the obligations of the client's open
// incidents in the same transaction (with a revision naming the cause), like a rule override.

// what termsOf() hands the deadline rules (the country is descriptive: no rule reads it)
const TERMS: ReadonlyArray<keyof ClientInput> = ["timeZone", "noticeHours", "noticeBusinessHoursOnly", "hipaaCoveredEntity", "doraFinancialEntity", "nis2Entity", "secRegistrant", "handlesCardData"];

function data(input: ClientInput) {
  return { ...input, contractReference: input.contractReference ?? null, noticeEmail: input.noticeEmail ?? null };
}

const nameTaken = () => fail("CONFLICT", "Check the highlighted field.", { fieldErrors: { name: ["Your organization already has a client of this name."] } });

export async function createClient(ctx: ServiceContext, input: ClientInput): Promise<Result<{ id: string }>> {
  return attempt(() =>
    db().$transaction(async (tx) => {
      await lockAsAdministrator(tx, ctx, "clients");
      if (await tx.client.findFirst({ where: { organizationId: ctx.viewer.organizationId, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })) nameTaken();
      const client = await tx.client.create({ data: { organizationId: ctx.viewer.organizationId, ...data(input) }, select: { id: true } });
      await appendAudit(tx, { ...auditContext(ctx), action: "client.create", entityType: "Client", entityId: client.id, changes: data(input) });
      return client;
    }),
  );
}

export async function updateClient(ctx: ServiceContext, input: UpdateClientInput): Promise<Result<{ recomputed: number }>> {
  const { clientId, ...fields } = input;
  return attempt(() =>
    db().$transaction(async (tx) => {
      // under the lock: two administrators editing one client cannot write back a stale term
      await lockAsAdministrator(tx, ctx, "clients");
      const before = await tx.client.findFirst({ where: { id: clientId, organizationId: ctx.viewer.organizationId } });
      if (!before) fail("NOT_FOUND", "No such client in your organization.");
      if (fields.name.toLowerCase() !== before.name.toLowerCase() && (await tx.client.findFirst({ where: { organizationId: ctx.viewer.organizationId, name: { equals: fields.name, mode: "insensitive" }, id: { not: clientId } }, select: { id: true } }))) nameTaken();
      const after = data(fields);
      const changes = Object.fromEntries(
        (Object.keys(after) as Array<keyof typeof after>).filter((k) => before[k] !== after[k]).map((k) => [k, { before: before[k], after: after[k] }]),
      );
      if (!Object.keys(changes).length) return { recomputed: 0 };
      await tx.client.update({ where: { id: clientId }, data: after });
      await appendAudit(tx, { ...auditContext(ctx), action: "client.update", entityType: "Client", entityId: clientId, changes });
      const termsChanged = TERMS.filter((k) => k in changes);
      if (!termsChanged.length) return { recomputed: 0 };
      const open = await tx.incident.findMany({ where: { organizationId: ctx.viewer.organizationId, clientId, phase: { in: [...OPEN_PHASES] } } });
      let recomputed = 0; // open incidents whose deadlines actually moved, appeared or went
      for (const incident of open) {
        const { added, changed, retired } = await syncObligations(tx, ctx, incident, `client terms changed: ${termsChanged.join(", ")}`);
        if (added + changed + retired) recomputed += 1;
      }
      return { recomputed };
    }),
  );
}
