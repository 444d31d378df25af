import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { IncidentCipher } from "./incident-keys";
import { isSealed } from "@/domain/crypto/envelope";

// An audit entry's `changes` may copy an incident's free text (a description before and after,
// an evidence description, a custody note, a return comment). Those values are sealed under the
// incident's data key before the entry is chained: the hash covers the sealed value, so erasing
// the key makes the copy unreadable while the chain still verifies.
const SEALED_KEYS: ReadonlySet<string> = new Set([
  "summary",
  "clientSummary",
  "description",
  "note",
  "name",
  "body",
  "comment",
  "reason",
  // titles of incidents, tasks and action items are in the clear in their own rows (lists and
  // search need them) and go with those rows at erasure; their copies in the trail must go too
  "title",
]);

/** Does `changes` copy any free text that must be sealed? */
export function holdsSealedText(changes: Prisma.InputJsonValue | null | undefined): boolean {
  if (changes === null || changes === undefined || typeof changes !== "object" || Array.isArray(changes)) return false;
  return Object.entries(changes).some(([key, value]) => SEALED_KEYS.has(key) && value !== null && value !== undefined);
}

export function sealChanges(
  cipher: IncidentCipher,
  changes: Prisma.InputJsonValue | null | undefined,
): Prisma.InputJsonValue | null {
  if (changes === null || changes === undefined || typeof changes !== "object" || Array.isArray(changes))
    return changes ?? null;
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(changes as Record<string, Prisma.InputJsonValue | null>)) {
    out[key] =
      SEALED_KEYS.has(key) && value !== null && value !== undefined
        ? cipher.seal("audit.changes", JSON.stringify(value))
        : value;
  }
  return out;
}

/** The changes as written, with sealed copies opened (or the erased/unreadable marker in their place). */
export function openChanges(cipher: IncidentCipher | undefined, changes: unknown): unknown {
  if (changes === null || typeof changes !== "object" || Array.isArray(changes)) return changes;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    if (typeof value !== "string" || !isSealed(value) || !SEALED_KEYS.has(key)) {
      out[key] = value;
      continue;
    }
    const opened = cipher ? cipher.open("audit.changes", value) : "[unreadable]";
    try {
      out[key] = JSON.parse(opened);
    } catch {
      out[key] = opened; // the erased or unreadable marker
    }
  }
  return out;
}
