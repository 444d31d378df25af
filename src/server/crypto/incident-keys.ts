import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlRows, type Db, type Tx } from "../db";
import { masterKeysEnv } from "../env";
import { log } from "../log";
import { UUID_SHAPE } from "@/lib/validation/ids";
import { fail } from "../services/result";
import {
  isSealed,
  newDataKey,
  openText,
  parseMasterKeys,
  sealText,
  SealError,
  textDigest,
  unwrapDataKey,
  wrapDataKey,
  type MasterKeyRing,
} from "@/domain/crypto/envelope";

/** What a sealed value is: authenticated with it, so a value only opens where it was written. */
export type Purpose =
  | "incident.summary"
  | "incident.clientSummary"
  | "note.body"
  | "evidence.description"
  | "custody.note"
  | "asset.name"
  | "notice.fields"
  | "notice.message"
  | "postmortem.section"
  | "audit.changes";

/** Shown where text sealed under a destroyed data key used to be. */
export const ERASED_TEXT = "[erased under the retention policy]";

export type IncidentCipher = {
  readonly incidentId: string;
  /** Seals text for storage; refuses (a clear failure, nothing written) when the key is erased or unavailable. */
  seal(purpose: Purpose, text: string): string;
  /** Opens a stored value: plain text stored before encryption passes through. */
  open(purpose: Purpose, value: string): string;
  /** A keyed digest for equality (unique names) that does not reveal the text. */
  digest(purpose: Purpose, text: string): string;
};

let ring: { source: string; value: MasterKeyRing } | undefined;
/** The master keys from the environment (parsed again only when the variable changes). */
export function masterKeys(): MasterKeyRing {
  // every sealed write asks: validated again only when the variable changed
  if (ring && ring.source === process.env.WARDEN_MASTER_KEYS) return ring.value;
  const source = masterKeysEnv().WARDEN_MASTER_KEYS;
  if (ring?.source !== source) ring = { source, value: parseMasterKeys(source) };
  return ring.value;
}

export type KeyRow = {
  id: string;
  incidentId: string;
  masterKeyId: string | null;
  wrapped: Uint8Array | null;
  destroyedAt: Date | null;
};
const KEY_COLUMNS = { id: true, incidentId: true, masterKeyId: true, wrapped: true, destroyedAt: true } as const;

function liveCipher(incidentId: string, keyId: string, dataKey: Buffer): IncidentCipher {
  return {
    incidentId,
    // Emptiness is not a secret, and forms and checks ask whether a text was written at all.
    seal: (purpose, text) => (text === "" ? "" : sealText(dataKey, keyId, purpose, text)),
    open: (purpose, value) => {
      try {
        return openText(dataKey, keyId, purpose, value);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        // A value that does not open with its incident's key was changed or moved in the
        // database: shown as such, never as someone else's text.
        log.warn("crypto.value_unopenable", { incidentId, code: error.code });
        return "[unreadable: this text does not match its incident's key]";
      }
    },
    digest: (purpose, text) => textDigest(dataKey, purpose, text),
  };
}

function closedCipher(incidentId: string, shown: string, refusal: string): IncidentCipher {
  return {
    incidentId,
    seal: () => fail("REFUSED", refusal),
    open: (_purpose, value) => (isSealed(value) ? shown : value),
    digest: () => fail("REFUSED", refusal),
  };
}

/** Text stored before encryption, for an incident that has no data key yet: readable, and a write makes its key. */
function legacyCipher(incidentId: string): IncidentCipher {
  return closedCipher(
    incidentId,
    "[unreadable: sealed under a data key that does not exist]",
    "This incident has no data key yet; reload and try again.",
  );
}

function cipherOf(row: KeyRow): IncidentCipher {
  if (row.destroyedAt || !row.wrapped || !row.masterKeyId) {
    return closedCipher(
      row.incidentId,
      ERASED_TEXT,
      "This incident was erased under the retention policy; nothing can be added to it.",
    );
  }
  const master = masterKeys().byId.get(row.masterKeyId);
  if (!master) {
    const problem = `This incident's data key is wrapped by master key "${row.masterKeyId}", which is not in WARDEN_MASTER_KEYS`;
    log.error("crypto.master_key_missing", { incidentId: row.incidentId, masterKeyId: row.masterKeyId });
    return closedCipher(
      row.incidentId,
      `[unreadable: ${problem.replace("This incident's", "its")}]`,
      `${problem}: ask an administrator to restore that key. Nothing was saved.`,
    );
  }
  return liveCipher(row.incidentId, row.id, unwrapDataKey(master, row.masterKeyId, row.incidentId, row.wrapped));
}

// One unwrapped key per incident per transaction (or request's client): a service that seals
// several values and its audit entry reads the key row once.
const perClient = new WeakMap<object, Map<string, IncidentCipher>>();
function memo(client: object): Map<string, IncidentCipher> {
  let m = perClient.get(client);
  if (!m) perClient.set(client, (m = new Map()));
  return m;
}

/**
 * Keeps, for the rest of the transaction, the cipher of a key row read along with its incident
 * (loadIncident joins it), so the service's writeCipher needs no query of its own.
 */
export function rememberKeyRow(tx: Tx, row: KeyRow): void {
  if (!memo(tx).has(row.incidentId)) memo(tx).set(row.incidentId, cipherOf(row));
}

/** Ciphers to read several incidents' text (one query); incidents without a key read as stored. */
export async function readCiphers(
  client: Db | Tx,
  incidentIds: readonly string[],
): Promise<Map<string, IncidentCipher>> {
  const ids = [...new Set(incidentIds)];
  const out = new Map<string, IncidentCipher>();
  if (ids.length === 0) return out;
  // Not the ORM: every page that shows an incident's text reads its key, and the ORM's statement
  // compiler cost more CPU than the read itself. Outside a transaction, a prepared statement on
  // the hot reads' pool (sqlRows); an id that is no uuid has no key, so it reads as stored.
  const uuids = ids.filter((id) => UUID_SHAPE.test(id));
  const query = Prisma.sql`
    SELECT id, "incidentId"::text AS "incidentId", "masterKeyId", wrapped, "destroyedAt"
    FROM "IncidentKey" WHERE "incidentId" = ANY(${uuids}::uuid[])`;
  const rows = !uuids.length
    ? []
    : client === db()
      ? await sqlRows<KeyRow>(query, { hot: true })
      : await client.$queryRaw<KeyRow[]>(query);
  for (const row of rows) out.set(row.incidentId, cipherOf(row));
  for (const id of ids) if (!out.has(id)) out.set(id, legacyCipher(id));
  return out;
}

/** The cipher readCiphers read for an incident it was asked about (it answers for every one). */
export function cipherFor(ciphers: ReadonlyMap<string, IncidentCipher>, incidentId: string): IncidentCipher {
  const cipher = ciphers.get(incidentId);
  if (!cipher) throw new Error(`no cipher was read for incident ${incidentId}`);
  return cipher;
}

/** The cipher to read one incident's text. */
export async function readCipher(client: Db | Tx, incidentId: string): Promise<IncidentCipher> {
  return cipherFor(await readCiphers(client, [incidentId]), incidentId);
}

/** Makes a new incident's data key, wrapped by the active master key, in the creating transaction. */
export async function createIncidentKey(
  tx: Tx,
  incident: { id: string; organizationId: string },
): Promise<IncidentCipher> {
  const { active } = masterKeys();
  const id = randomUUID();
  const dataKey = newDataKey();
  await tx.incidentKey.create({
    data: {
      id,
      incidentId: incident.id,
      organizationId: incident.organizationId,
      masterKeyId: active.id,
      wrapped: new Uint8Array(wrapDataKey(active.key, active.id, incident.id, dataKey)),
    },
  });
  const cipher = liveCipher(incident.id, id, dataKey);
  memo(tx).set(incident.id, cipher);
  return cipher;
}

/**
 * The cipher to write an incident's text inside a transaction: its key, made now for an incident
 * stored before encryption. Refuses (nothing written) when the key was erased or its master key
 * is not configured.
 */
export async function writeCipher(tx: Tx, incident: { id: string; organizationId: string }): Promise<IncidentCipher> {
  const known = memo(tx).get(incident.id);
  if (known) return known;
  const row = await tx.incidentKey.findUnique({ where: { incidentId: incident.id }, select: KEY_COLUMNS });
  const cipher = row ? cipherOf(row) : await createIncidentKey(tx, incident);
  memo(tx).set(incident.id, cipher);
  return cipher;
}

/** Crypto-erases an incident: its data key's material is gone, so every value sealed under it is unreadable for good. */
export async function destroyIncidentKey(tx: Tx, incidentId: string, at: Date): Promise<void> {
  const { count } = await tx.incidentKey.updateMany({
    where: { incidentId, destroyedAt: null },
    data: { wrapped: null, masterKeyId: null, destroyedAt: at },
  });
  if (count === 0) {
    // An incident stored before encryption has no key yet: a destroyed one is recorded, so a
    // value sealed later under a key made elsewhere cannot appear.
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { organizationId: true } });
    if (incident)
      await tx.incidentKey.createMany({
        data: [{ id: randomUUID(), incidentId, organizationId: incident.organizationId, destroyedAt: at }],
        skipDuplicates: true,
      });
  }
  memo(tx).delete(incidentId);
}
