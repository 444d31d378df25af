import "server-only";
import { db, sqlRows } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { tenantScopeSql } from "./scope";
import type { Viewer } from "@/domain/access/can";
import { parseId } from "@/lib/validation/ids";
import { advanceBlockers } from "@/domain/incident/transition";
import { unsettledLabel } from "./gate-facts";
import { SETTLED_STATUSES } from "@/domain/deadlines/obligation-status";
import { REGIME_FLAGS, REGIME_FLAG_KEYS } from "@/domain/clients";
import { PHASE_LABEL, type Phase } from "@/domain/incident/types";
import { describeEvent, eventReason, type EventNames } from "@/domain/timeline/describe-event";
import { readCipher, type IncidentCipher } from "../crypto/incident-keys";
import { openChanges } from "../crypto/sealed-changes";
import { openSections } from "../crypto/sealed-review";

export type TimelineEntry = {
  id: string;
  at: Date;
  kind: "phase" | "note" | "audit";
  actor: string;
  title: string;
  detail: string | null;
};

/**
 * The page shows the latest this many timeline entries (its notes and audit events read no
 * further back); the whole trail is in the audit CSV and the organization's audit page.
 */
export const TIMELINE_SHOWN = 200;

// The shape the page's sections are written against (the ORM's payload for these relations);
// the rows themselves come from one SQL statement below.
type DetailInclude = {
  // with the flags that bring legal regimes in (the assessment form lists them)
  client: {
    select: {
      id: true;
      name: true;
      timeZone: true;
      hipaaCoveredEntity: true;
      doraFinancialEntity: true;
      nis2Entity: true;
      secRegistrant: true;
      handlesCardData: true;
      glbaFinancialInstitution: true;
      nydfsCoveredEntity: true;
      regSpCoveredInstitution: true;
      telecomCarrier: true;
    };
  };
  reporter: { select: { name: true } };
  owner: { select: { id: true; name: true } };
  updatedBy: { select: { name: true } };
  checklist: { include: { doneBy: { select: { name: true } } } };
  tasks: { include: { owner: { select: { name: true } } } };
  notes: { include: { author: { select: { name: true } } } };
  evidence: {
    include: { collectedBy: { select: { name: true } }; custody: { include: { actor: { select: { name: true } } } } };
  };
  assets: true;
  phaseEvents: { include: { actor: { select: { name: true } } } };
  postMortem: { include: { completedBy: { select: { name: true } } } };
  actionItems: { include: { owner: { select: { id: true; name: true } } } };
};

type StoredDetail = Prisma.IncidentGetPayload<{ include: DetailInclude }>;

type AuditRow = {
  id: string;
  seq: number;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Prisma.JsonValue;
  hash: string;
};

// What one statement returns: the incident's own columns (read by node-postgres), its relations
// as JSON (timestamps as text, revived below), the audit events the timeline shows, the names
// those events refer to, and what the lifecycle's gates read.
type DetailRow = Omit<StoredDetail, Json> & { [K in Json]: unknown } & {
  auditShown: unknown;
  auditTotal: number;
  notesTotal: number;
  obligationNames: Array<{ id: string; ruleId: string; citation: string; recipient: string; notices: string[] }>;
  people: Record<string, string>;
  unsettled: Array<{ citation: string; title: string; proposed: boolean }> | null;
};
type Json = "checklist" | "tasks" | "notes" | "evidence" | "assets" | "phaseEvents" | "postMortem" | "actionItems";

// Audit events that the timeline shows: phase changes and notes stand in it in their own words.
const SHOWN_AUDIT = Prisma.sql`(NOT starts_with(a.action, 'incident.') OR a.action IN ('incident.update_facts', 'incident.assign')) AND a.action <> 'note.create'`;

// A relation's rows as a JSON array in the ORM's order (each row's own columns, `extra` beside them).
const rows = (table: string, alias: string, extra: string, where: string, order: string) =>
  Prisma.raw(
    `(SELECT coalesce(json_agg(to_jsonb(${alias}) || ${extra} ORDER BY ${order}), '[]') FROM "${table}" ${alias} ${where})`,
  );
const nameOf = (user: string) => `jsonb_build_object('name', ${user}.name)`;

/**
 * Everything the incident page shows, for staff who may see the incident; null otherwise. One
 * statement (the ORM's nested reads cost a round and their mapping per relation, about 20 in
 * all), then the incident's key opens its sealed text. The timeline holds the latest
 * TIMELINE_SHOWN entries; `timelineTotal` says how many there are in all.
 */
export async function getIncidentDetail(viewer: Viewer, id: unknown) {
  const incidentId = parseId(id);
  if (!incidentId) return null;
  const [row] = await sqlRows<DetailRow>(
    Prisma.sql`
    WITH inc AS (SELECT i.* FROM "Incident" i WHERE i.id = ${incidentId}::uuid AND ${tenantScopeSql(viewer, "i")}),
    ev AS (
      SELECT a.id, a.seq, a.at, a."actorLabel", a.action, a."entityType", a."entityId", a.changes, a.hash
      FROM "AuditEvent" a, inc WHERE a."incidentId" = inc.id AND a."organizationId" = inc."organizationId" AND ${SHOWN_AUDIT}
      ORDER BY a.seq DESC LIMIT ${TIMELINE_SHOWN}::int)
    SELECT i.id, i."organizationId", i."clientId", i.reference, i.title, i.summary, i."clientSummary", i.type, i.severity,
      i."severityRank", i.phase, i.resolution, i."reporterId", i."ownerId", i."occurredAt", i."detectedAt", i."awareAt",
      i."phaseEnteredAt", i."containStartedAt", i."investigateStartedAt", i."resolveStartedAt", i."reportStartedAt",
      i."postMortemStartedAt", i."closedAt", i."dataCategories"::text[] AS "dataCategories", i."dataSubjectsCount",
      i."recordsCount", i.jurisdictions, i."dataEncrypted", i."subjectsByJurisdiction", i.risk, i."riskAssessedAt",
      i."nis2Significant", i."doraMajor", i."doraClassifiedAt", i."secMaterial", i."secDeterminedAt", i."legalHoldAt",
      i."legalHoldById", i."legalHoldReason", i."erasedAt", i."erasurePolicy", i.version, i."createdAt", i."updatedAt",
      i."updatedById",
      json_build_object('id', c.id, 'name', c.name, 'timeZone', c."timeZone", 'hipaaCoveredEntity', c."hipaaCoveredEntity", 'doraFinancialEntity', c."doraFinancialEntity",
        'nis2Entity', c."nis2Entity", 'secRegistrant', c."secRegistrant", 'handlesCardData', c."handlesCardData",
        'glbaFinancialInstitution', c."glbaFinancialInstitution", 'nydfsCoveredEntity', c."nydfsCoveredEntity",
        'regSpCoveredInstitution', c."regSpCoveredInstitution", 'telecomCarrier', c."telecomCarrier") AS client,
      json_build_object('name', rep.name) AS reporter,
      CASE WHEN i."ownerId" IS NULL THEN NULL ELSE json_build_object('id', ow.id, 'name', ow.name) END AS owner,
      json_build_object('name', upd.name) AS "updatedBy",
      ${rows("ChecklistItem", "x", `jsonb_build_object('doneBy', (SELECT ${nameOf("u")} FROM "User" u WHERE u.id = x."doneById"))`, `WHERE x."incidentId" = i.id`, "x.position")} AS checklist,
      ${rows("IncidentTask", "x", `jsonb_build_object('owner', (SELECT ${nameOf("u")} FROM "User" u WHERE u.id = x."ownerId"))`, `WHERE x."incidentId" = i.id`, `x."doneAt" ASC NULLS FIRST, x."dueAt" ASC NULLS LAST, x."createdAt"`)} AS tasks,
      (SELECT coalesce(json_agg(to_jsonb(x) || jsonb_build_object('author', jsonb_build_object('name', u.name)) ORDER BY x."createdAt" DESC), '[]')
        FROM (SELECT * FROM "IncidentNote" n WHERE n."incidentId" = i.id ORDER BY n."createdAt" DESC LIMIT ${TIMELINE_SHOWN}::int) x JOIN "User" u ON u.id = x."authorId") AS notes,
      (SELECT count(*)::int FROM "IncidentNote" n WHERE n."incidentId" = i.id) AS "notesTotal",
      ${rows(
        "Evidence",
        "x",
        `jsonb_build_object('collectedBy', (SELECT ${nameOf("u")} FROM "User" u WHERE u.id = x."collectedById"), 'custody',
        (SELECT coalesce(jsonb_agg(to_jsonb(ce) || jsonb_build_object('actor', ${nameOf("u")}) ORDER BY ce.at), '[]') FROM "CustodyEntry" ce JOIN "User" u ON u.id = ce."actorId" WHERE ce."evidenceId" = x.id))`,
        `WHERE x."incidentId" = i.id`,
        `x."collectedAt"`,
      )} AS evidence,
      ${rows("AffectedAsset", "x", `'{}'::jsonb`, `WHERE x."incidentId" = i.id`, `x."createdAt"`)} AS assets,
      ${rows("PhaseEvent", "x", `jsonb_build_object('actor', (SELECT ${nameOf("u")} FROM "User" u WHERE u.id = x."actorId"))`, `WHERE x."incidentId" = i.id`, "x.at")} AS "phaseEvents",
      (SELECT to_jsonb(x) || jsonb_build_object('completedBy', (SELECT jsonb_build_object('name', u.name) FROM "User" u WHERE u.id = x."completedById"))
        FROM "PostMortem" x WHERE x."incidentId" = i.id) AS "postMortem",
      ${rows("ActionItem", "x", `jsonb_build_object('owner', (SELECT jsonb_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = x."ownerId"))`, `WHERE x."incidentId" = i.id`, `x.status, x."dueAt" ASC NULLS LAST`)} AS "actionItems",
      (SELECT coalesce(json_agg(e ORDER BY e.seq), '[]') FROM ev e) AS "auditShown",
      (SELECT count(*)::int FROM "AuditEvent" a WHERE a."incidentId" = i.id AND a."organizationId" = i."organizationId" AND ${SHOWN_AUDIT}) AS "auditTotal",
      (SELECT coalesce(json_agg(json_build_object('id', o.id, 'ruleId', o."ruleId", 'citation', o.citation, 'recipient', o.recipient,
          'notices', (SELECT coalesce(json_agg(n.id), '[]') FROM "Notice" n WHERE n."obligationId" = o.id))), '[]')
        FROM "Obligation" o WHERE o."incidentId" = i.id) AS "obligationNames",
      -- people the shown events name by id: made owner, or proposed a decision another confirmed
      (SELECT coalesce(json_object_agg(u.id, u.name), '{}') FROM "User" u WHERE u."organizationId" = i."organizationId" AND u.id::text IN (
        SELECT CASE jsonb_typeof(e.changes->'ownerId') WHEN 'string' THEN e.changes->>'ownerId'
          WHEN 'object' THEN CASE WHEN jsonb_typeof(e.changes->'ownerId'->'after') = 'string' THEN e.changes->'ownerId'->>'after' END END FROM ev e
        UNION SELECT CASE WHEN jsonb_typeof(e.changes->'proposedBy') = 'string' THEN e.changes->>'proposedBy' END FROM ev e)) AS people,
      -- what keeps the incident in Report (see unsettledObligations): read only there
      CASE WHEN i.phase = 'REPORT' THEN (SELECT coalesce(json_agg(json_build_object('citation', o.citation, 'title', o.title, 'proposed', o."proposedAt" IS NOT NULL)
          ORDER BY o."dueAt" ASC NULLS LAST), '[]')
        FROM "Obligation" o WHERE o."incidentId" = i.id AND o.active AND o.status::text <> ALL(${[...SETTLED_STATUSES]}::text[])) END AS unsettled
    FROM inc i
    JOIN "Client" c ON c.id = i."clientId"
    JOIN "User" rep ON rep.id = i."reporterId"
    LEFT JOIN "User" ow ON ow.id = i."ownerId"
    JOIN "User" upd ON upd.id = i."updatedById"`,
    { hot: true },
  );
  if (!row) return null;

  const cipher = await readCipher(db(), row.id);
  const stored = storedDetail(row);
  const incident = openIncident(cipher, stored);
  const audit = revive<AuditRow>(row.auditShown, ["at"]).map((a) => ({
    ...a,
    changes: openChanges(cipher, a.changes) as Prisma.JsonValue,
  }));
  const names: EventNames = {
    people: row.people,
    obligations: Object.fromEntries(row.obligationNames.map((o) => [o.id, o.citation])),
    rules: Object.fromEntries(row.obligationNames.map((o) => [o.ruleId, o.citation])),
    notices: Object.fromEntries(
      row.obligationNames.flatMap((o) => o.notices.map((n) => [n, { recipient: o.recipient }])),
    ),
  };

  // the gates' facts (as gate-facts.ts reads them), from rows this statement already read
  const checklistState = incident.checklist.map((c) => ({
    phase: c.phase as Phase,
    key: c.key,
    label: c.label,
    required: c.required,
    done: c.doneAt !== null,
  }));
  const unsettled = (row.unsettled ?? []).map((o) => unsettledLabel(o.citation, o.title, o.proposed));
  const postMortem =
    incident.phase === "POST_MORTEM" && incident.postMortem
      ? {
          completed: incident.postMortem.completedAt !== null,
          actionItems: [...incident.actionItems]
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
            .map((i) => ({ title: i.title, assigned: i.ownerId !== null })),
        }
      : undefined;
  const blockers = advanceBlockers({
    phase: incident.phase,
    severity: incident.severity,
    resolution: incident.resolution,
    checklist: checklistState,
    unsettledObligations: unsettled,
    postMortem,
  });
  const unmet = blockers.map((b) => b.reason);

  const entries: TimelineEntry[] = [
    ...incident.phaseEvents.map((e) => ({
      id: `p-${e.id}`,
      at: e.at,
      kind: "phase" as const,
      actor: e.actor.name,
      title: phaseEventTitle(e),
      detail: e.reason,
    })),
    ...incident.notes.map((n) => ({
      id: `n-${n.id}`,
      at: n.createdAt,
      kind: "note" as const,
      actor: n.author.name,
      title: "Note",
      detail: n.body,
    })),
    ...audit.map((a) => ({
      id: `a-${a.id}`,
      at: a.at,
      kind: "audit" as const,
      actor: a.actorLabel,
      title: describeEvent(a, names),
      detail: eventReason(a),
    })),
  ].sort((x, y) => x.at.getTime() - y.at.getTime() || x.id.localeCompare(y.id));
  const timeline = entries.slice(-TIMELINE_SHOWN);
  const timelineTotal = incident.phaseEvents.length + row.notesTotal + row.auditTotal;

  // the legal regimes the client's flags bring in (as getVisibleClient names them), from the row already read
  const regimes = REGIME_FLAG_KEYS.filter((flag) => incident.client[flag]).map((flag) => REGIME_FLAGS[flag]);

  return { incident, unmet, blockers, timeline, timelineTotal, audit, regimes };
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncidentDetail>>>;

// JSON has no dates: a `timestamp` column comes back as "2026-03-29T01:30:00.123" (UTC, as stored).
const utc = (value: unknown) => (typeof value === "string" ? new Date(`${value}Z`) : null);
function reviveOne<T>(r: Record<string, unknown>, dateKeys: readonly string[]): T {
  for (const k of dateKeys) if (k in r) r[k] = utc(r[k]);
  return r as T;
}
function revive<T>(json: unknown, dateKeys: readonly string[]): T[] {
  return (json as Array<Record<string, unknown>>).map((r) => reviveOne<T>(r, dateKeys));
}

function storedDetail(row: DetailRow): StoredDetail {
  // the statement's other columns are not the incident's
  const {
    auditShown: _shown,
    auditTotal: _total,
    notesTotal: _notes,
    obligationNames: _names,
    people: _people,
    unsettled: _unsettled,
    ...incident
  } = row;
  const pm = row.postMortem as Record<string, unknown> | null;
  return {
    ...incident,
    checklist: revive(row.checklist, ["doneAt"]),
    tasks: revive(row.tasks, ["dueAt", "doneAt", "createdAt"]),
    notes: revive(row.notes, ["createdAt"]),
    evidence: revive<StoredDetail["evidence"][number]>(row.evidence, ["collectedAt", "createdAt"]).map((e) => ({
      ...e,
      custody: revive(e.custody, ["at"]),
    })),
    assets: revive(row.assets, ["createdAt"]),
    phaseEvents: revive(row.phaseEvents, ["at"]),
    postMortem: pm ? reviveOne<NonNullable<StoredDetail["postMortem"]>>(pm, ["completedAt", "updatedAt"]) : null,
    actionItems: revive(row.actionItems, ["dueAt", "doneAt", "createdAt"]),
  };
}

/** The incident with every free text opened under its data key (assets sorted by their opened names). */
function openIncident(cipher: IncidentCipher, i: StoredDetail): StoredDetail {
  return {
    ...i,
    summary: cipher.open("incident.summary", i.summary),
    clientSummary: cipher.open("incident.clientSummary", i.clientSummary),
    notes: i.notes.map((n) => ({ ...n, body: cipher.open("note.body", n.body) })),
    evidence: i.evidence.map((e) => ({
      ...e,
      description: cipher.open("evidence.description", e.description),
      custody: e.custody.map((c) => ({ ...c, note: c.note === null ? null : cipher.open("custody.note", c.note) })),
    })),
    assets: i.assets
      .map((a) => ({ ...a, name: cipher.open("asset.name", a.name) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    postMortem: i.postMortem ? openSections(cipher, i.postMortem) : null,
  };
}

function phaseEventTitle(e: {
  kind: string;
  fromPhase: string | null;
  toPhase: string;
  fromSeverity: string | null;
  toSeverity: string | null;
}): string {
  switch (e.kind) {
    case "OPEN":
      return `Incident logged (severity ${e.toSeverity?.toLowerCase() ?? "—"})`;
    case "ADVANCE":
      return e.toPhase === "CLOSED" ? "Closed as resolved" : `Moved to ${PHASE_LABEL[e.toPhase as Phase]}`;
    case "STEP_BACK":
      return `Stepped back from ${e.fromPhase ? PHASE_LABEL[e.fromPhase as Phase] : "?"} to ${PHASE_LABEL[e.toPhase as Phase]}`;
    case "CLOSE_FALSE_POSITIVE":
      return "Closed as a false positive";
    case "REOPEN":
      return `Reopened in ${PHASE_LABEL[e.toPhase as Phase]}`;
    case "CHANGE_SEVERITY":
      return `Severity changed from ${e.fromSeverity?.toLowerCase()} to ${e.toSeverity?.toLowerCase()}`;
    default:
      return e.kind;
  }
}
