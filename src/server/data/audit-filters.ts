import "server-only";
import { db } from "../db";
import { clientWhere, incidentWhere, userWhere } from "./scope";
import type { AuditFilter } from "./audit-log";
import type { Viewer } from "@/domain/access/can";
import type { AuditLogQuery } from "@/lib/validation/audit-log";
import type { FieldErrors } from "@/lib/validation/field-errors";

export type AuditFilterOptions = {
  people: Array<{ id: string; name: string; role: string }>;
  clients: Array<{ id: string; name: string }>;
};

/** Who and which clients the audit page's filter offers: the organization's people, the viewer's clients. */
export async function auditFilterOptions(viewer: Viewer): Promise<AuditFilterOptions> {
  const [people, clients] = await Promise.all([
    db().user.findMany({
      where: userWhere(viewer),
      select: { id: true, name: true, role: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db().client.findMany({ where: clientWhere(viewer), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { people, clients };
}

/**
 * The parsed filters with their ids checked in the viewer's scope: a person of another
 * organization, a client not the viewer's or an incident reference they cannot see is named
 * as a field error (the same words whether it exists elsewhere or not at all).
 */
export async function resolveAuditFilter(
  viewer: Viewer,
  q: AuditLogQuery,
  options: AuditFilterOptions,
): Promise<{ filter: AuditFilter; fieldErrors: FieldErrors }> {
  const fieldErrors: FieldErrors = {};
  if (q.person && !options.people.some((p) => p.id === q.person))
    fieldErrors.person = ["No such person in your organization."];
  if (q.client && !options.clients.some((c) => c.id === q.client)) fieldErrors.client = ["Not one of your clients."];
  let incidentId: string | undefined;
  if (q.incident) {
    const incident = await db().incident.findFirst({
      where: incidentWhere(viewer, { reference: q.incident }),
      select: { id: true },
    });
    if (incident) incidentId = incident.id;
    else fieldErrors.incident = [`No incident ${q.incident} among your clients.`];
  }
  return {
    filter: { personId: q.person, clientId: q.client, incidentId, kind: q.kind, fromAt: q.fromAt, toAt: q.toAt },
    fieldErrors,
  };
}
