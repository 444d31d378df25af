import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "../db";
import { masterKeys, writeCipher, type IncidentCipher, type Purpose } from "./incident-keys";
import { unwrapDataKey, wrapDataKey, isSealed } from "@/domain/crypto/envelope";
import { sealNoticeFields } from "./sealed-notice";
import type { NoticeField } from "@/domain/notices/notice-content";
import { REVIEW_SECTIONS } from "@/domain/incident/post-mortem";
import { rotateAlertKeys } from "./rotate-alert-keys";

export type RotationProgress = { stage: "rewrap" | "seal"; done: number };
export type RotationReport = {
  active: string;
  rewrapped: number;
  sealedIncidents: number;
  /** Data keys still wrapped by each other master key (0 everywhere: the others can be retired). */
  remaining: Record<string, number>;
  /** Master key ids that wrap data keys but are not configured: those incidents cannot be read. */
  missing: string[];
};

const BATCH = 200;

/**
 * `npm run keys:rotate`: re-wraps every live data key under the active (first) master key, one
 * short transaction per key, so the app keeps serving (it holds every listed master key and
 * reads each data key by the master key id stored with it). Also seals text stored before
 * encryption. Safe to run again, and beside a running app.
 */
export async function rotateMasterKeys(
  prisma: PrismaClient,
  onProgress?: (p: RotationProgress) => void,
  /** Limit it to one organization (tests share a database; the command rotates them all). */
  opts: { organizationId?: string } = {},
): Promise<RotationReport> {
  const ring = masterKeys();
  const org = opts.organizationId ? { organizationId: opts.organizationId } : {};
  let rewrapped = 0;
  const skipped = new Set<string>();
  for (;;) {
    const batch = await prisma.incidentKey.findMany({
      where: { ...org, destroyedAt: null, masterKeyId: { not: ring.active.id }, id: { notIn: [...skipped] } },
      select: { id: true },
      take: BATCH,
    });
    if (batch.length === 0) break;
    for (const { id } of batch) {
      const done = await prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<
          Array<{ incidentId: string; masterKeyId: string | null; wrapped: Uint8Array | null }>
        >`
          SELECT "incidentId", "masterKeyId", wrapped FROM "IncidentKey" WHERE id = ${id} AND "destroyedAt" IS NULL FOR UPDATE`;
        if (!row?.masterKeyId || !row.wrapped || row.masterKeyId === ring.active.id) return false; // erased or rotated meanwhile
        const old = ring.byId.get(row.masterKeyId);
        if (!old) return null;
        const dataKey = unwrapDataKey(old, row.masterKeyId, row.incidentId, row.wrapped);
        const wrapped = new Uint8Array(wrapDataKey(ring.active.key, ring.active.id, row.incidentId, dataKey));
        await tx.incidentKey.update({
          where: { id },
          data: { masterKeyId: ring.active.id, wrapped, rewrappedAt: new Date() },
        });
        return true;
      });
      if (done === null) skipped.add(id);
      if (done) {
        rewrapped += 1;
        onProgress?.({ stage: "rewrap", done: rewrapped });
      }
    }
  }
  const sealedIncidents = await sealStoredText(
    prisma,
    (done) => onProgress?.({ stage: "seal", done }),
    opts.organizationId,
  );
  const left = await prisma.incidentKey.groupBy({
    by: ["masterKeyId"],
    where: { ...org, destroyedAt: null, masterKeyId: { not: ring.active.id } },
    _count: { _all: true },
  });
  const remaining = Object.fromEntries(
    [...ring.byId.keys()].filter((id) => id !== ring.active.id).map((id) => [id, 0]),
  );
  // a key without a master key is destroyed, and destroyed keys are not counted here
  for (const l of left) if (l.masterKeyId !== null) remaining[l.masterKeyId] = l._count._all;
  // alerts' payload keys and integrations' signing secrets (counted with the data keys)
  const alertKeys = await rotateAlertKeys(prisma, ring, opts);
  rewrapped += alertKeys.rewrapped;
  for (const [id, n] of Object.entries(alertKeys.remaining)) remaining[id] = (remaining[id] ?? 0) + n;
  return {
    active: ring.active.id,
    rewrapped,
    sealedIncidents,
    remaining,
    missing: Object.keys(remaining).filter((id) => !ring.byId.has(id)),
  };
}

/** Seals, incident by incident, every text still stored in the clear (written before encryption). */
async function sealStoredText(
  prisma: PrismaClient,
  onProgress: (done: number) => void,
  organizationId?: string,
): Promise<number> {
  let sealed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    // incidents with any plain text left: those without a key, and any with an unsealed value
    const ids = await prisma.$queryRaw<Array<{ id: string }>>`
      SELECT i.id FROM "Incident" i
      WHERE i.id > ${after}::uuid AND (${organizationId ?? null}::uuid IS NULL OR i."organizationId" = ${organizationId ?? null}::uuid)
        AND NOT EXISTS (SELECT 1 FROM "IncidentKey" k WHERE k."incidentId" = i.id AND k."destroyedAt" IS NOT NULL)
        AND (NOT EXISTS (SELECT 1 FROM "IncidentKey" k WHERE k."incidentId" = i.id)
          OR (i.summary <> '' AND i.summary NOT LIKE 'enc1:%') OR (i."clientSummary" <> '' AND i."clientSummary" NOT LIKE 'enc1:%')
          OR EXISTS (SELECT 1 FROM "IncidentNote" n WHERE n."incidentId" = i.id AND n.body <> '' AND n.body NOT LIKE 'enc1:%')
          OR EXISTS (SELECT 1 FROM "Evidence" e WHERE e."incidentId" = i.id AND e.description <> '' AND e.description NOT LIKE 'enc1:%')
          OR EXISTS (SELECT 1 FROM "AffectedAsset" a WHERE a."incidentId" = i.id AND a.name NOT LIKE 'enc1:%')
          OR EXISTS (SELECT 1 FROM "Evidence" e JOIN "CustodyEntry" c ON c."evidenceId" = e.id WHERE e."incidentId" = i.id AND c.note <> '' AND c.note NOT LIKE 'enc1:%')
          OR EXISTS (SELECT 1 FROM "Notice" x JOIN "NoticeMessage" m ON m."noticeId" = x.id WHERE x."incidentId" = i.id AND m.body <> '' AND m.body NOT LIKE 'enc1:%')
          OR EXISTS (SELECT 1 FROM "PostMortem" p WHERE p."incidentId" = i.id AND ((p.summary <> '' AND p.summary NOT LIKE 'enc1:%') OR (p."rootCause" <> '' AND p."rootCause" NOT LIKE 'enc1:%')
            OR (p."contributingFactors" <> '' AND p."contributingFactors" NOT LIKE 'enc1:%') OR (p."wentWell" <> '' AND p."wentWell" NOT LIKE 'enc1:%')
            OR (p."wentBadly" <> '' AND p."wentBadly" NOT LIKE 'enc1:%') OR (p.lessons <> '' AND p.lessons NOT LIKE 'enc1:%')))
          OR EXISTS (SELECT 1 FROM "Notice" x WHERE x."incidentId" = i.id AND jsonb_typeof(x.fields) = 'array'))
      ORDER BY i.id LIMIT ${BATCH}`;
    if (ids.length === 0) return sealed;
    for (const { id } of ids) {
      await prisma.$transaction((tx) => sealIncident(tx, id));
      sealed += 1;
      onProgress(sealed);
      after = id;
    }
  }
}

const open = (v: string | null): v is string => v !== null && v !== "" && !isSealed(v);

async function sealIncident(tx: Tx, incidentId: string) {
  // the incident's row lock orders this with the app's writers of its own fields; rows of other
  // tables are updated only if they still hold the text read here (a concurrent write wins)
  const [incident] = await tx.$queryRaw<
    Array<{ id: string; organizationId: string; summary: string; clientSummary: string }>
  >`
    SELECT id, "organizationId", summary, "clientSummary" FROM "Incident" WHERE id = ${incidentId}::uuid FOR UPDATE`;
  if (!incident) return;
  const cipher = await writeCipher(tx, incident);
  const seal = (purpose: Purpose, v: string) => cipher.seal(purpose, v);
  if (open(incident.summary) || open(incident.clientSummary)) {
    await tx.incident.update({
      where: { id: incidentId },
      data: {
        summary: open(incident.summary) ? seal("incident.summary", incident.summary) : undefined,
        clientSummary: open(incident.clientSummary)
          ? seal("incident.clientSummary", incident.clientSummary)
          : undefined,
      },
    });
  }
  for (const n of await tx.incidentNote.findMany({ where: { incidentId }, select: { id: true, body: true } })) {
    if (open(n.body))
      await tx.incidentNote.updateMany({
        where: { id: n.id, body: n.body },
        data: { body: seal("note.body", n.body) },
      });
  }
  for (const e of await tx.evidence.findMany({
    where: { incidentId },
    select: { id: true, description: true, custody: { select: { id: true, note: true } } },
  })) {
    if (open(e.description))
      await tx.evidence.updateMany({
        where: { id: e.id, description: e.description },
        data: { description: seal("evidence.description", e.description) },
      });
    for (const c of e.custody)
      if (open(c.note))
        await tx.custodyEntry.updateMany({
          where: { id: c.id, note: c.note },
          data: { note: seal("custody.note", c.note) },
        });
  }
  for (const a of await tx.affectedAsset.findMany({ where: { incidentId }, select: { id: true, name: true } })) {
    if (open(a.name)) {
      await tx.affectedAsset.updateMany({
        where: { id: a.id, name: a.name },
        data: {
          name: seal("asset.name", a.name),
          nameDigest: cipher.digest("asset.name", a.name.toLocaleLowerCase("und")),
        },
      });
    }
  }
  await sealNotices(tx, incidentId, cipher);
  const review = await tx.postMortem.findUnique({ where: { incidentId } });
  if (review && REVIEW_SECTIONS.some((s) => open(review[s.key]))) {
    const data = Object.fromEntries(
      REVIEW_SECTIONS.map((s) => [
        s.key,
        open(review[s.key]) ? seal("postmortem.section", review[s.key]) : review[s.key],
      ]),
    );
    await tx.postMortem.updateMany({ where: { incidentId, version: review.version }, data });
  }
}

async function sealNotices(tx: Tx, incidentId: string, cipher: IncidentCipher) {
  for (const n of await tx.notice.findMany({
    where: { incidentId },
    select: { id: true, fields: true, version: true, messages: { select: { id: true, body: true } } },
  })) {
    // The content hash is over the opened fields: sealing leaves an approved notice intact.
    if (Array.isArray(n.fields))
      await tx.notice.updateMany({
        where: { id: n.id, version: n.version },
        data: { fields: sealNoticeFields(cipher, n.fields as NoticeField[]) },
      });
    for (const m of n.messages)
      if (open(m.body))
        await tx.noticeMessage.updateMany({
          where: { id: m.id, body: m.body },
          data: { body: cipher.seal("notice.message", m.body) },
        });
  }
}
