import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { appendAudit } from "@/server/audit";
import { auditKey } from "@/server/audit-key";
import { checkAnchor, readChainHeads } from "@/server/data/audit-anchors";
import { GENESIS_HASH, UNKEYED, unkeyedEventHash, type StoredEvent } from "@/domain/audit/chain";
import { openAnchor, signAnchor, type SignedAnchor } from "@/domain/audit/anchor";
import { makeTenant } from "../support/tenant-fixture";
import { catchMail } from "../support/smtp-catcher";

const run = promisify(execFile);
const mail = catchMail();
const dir = mkdtempSync(path.join(tmpdir(), "warden-anchor-"));

async function cli(script: string, args: string[]) {
  return run("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], { env: { ...process.env } }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

async function append(organizationId: string, n: number) {
  for (let i = 0; i < n; i++) {
    await db().$transaction((tx) =>
      appendAudit(tx, {
        organizationId,
        actor: { id: null, label: "tester" },
        action: "test.write",
        entityType: "Test",
        entityId: String(i),
        changes: { i },
      }),
    );
  }
}

/** A superuser's rewrite of a whole chain from event 1, every hash recomputed with the old unkeyed SHA-256. */
async function rewriteAllUnkeyed(organizationId: string) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    const events = (await tx.auditEvent.findMany({
      where: { organizationId },
      orderBy: { seq: "asc" },
    })) as (StoredEvent & { id: string })[];
    let prev = GENESIS_HASH;
    for (const e of events) {
      const changes = e.seq === 2 ? { i: "rewritten" } : e.changes;
      const hash = unkeyedEventHash(prev, { ...e, changes });
      await tx.$executeRaw`UPDATE "AuditEvent" SET changes = ${JSON.stringify(changes)}::jsonb, "prevHash" = ${prev}, hash = ${hash}, "hashVersion" = ${UNKEYED} WHERE id = ${e.id}::uuid`;
      prev = hash;
    }
  });
}

/** An anchor of this test's organizations only (other test files write their own chains meanwhile). */
async function anchorOf(...orgIds: string[]): Promise<SignedAnchor> {
  const heads = (await readChainHeads(db())).filter((h) => orgIds.includes(h.organizationId));
  return signAnchor(heads, new Date(), auditKey());
}

describe("audit anchors", () => {
  it("audit:anchor writes every organization's head to a signed file and mails it", async () => {
    const t = await makeTenant();
    await append(t.org.id, 3);
    const head = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, seq: 3 } });
    const file = path.join(dir, "cli.json");

    const r = await cli("scripts/audit-anchor.ts", ["--out", file, "--mail", "auditor@example.com"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`anchored in ${file}`);
    const opened = openAnchor(readFileSync(file, "utf8"), auditKey());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.anchor.heads).toContainEqual({
      organizationId: t.org.id,
      organizationSlug: t.org.slug,
      seq: 3,
      hash: head.hash,
      at: head.at.toISOString(),
    });
    const sent = mail.find((m) => m.to.includes("auditor@example.com"));
    expect(sent?.body).toContain("Subject: Warden audit anchor");
    expect(sent?.body).toMatch(/Content-Type: application\/json; name=cli\.json/);

    // never over an earlier anchor
    expect((await cli("scripts/audit-anchor.ts", ["--out", file])).code).toBe(2);
  }, 60_000);

  it("an anchor stays valid as the chain grows; a superuser's rewrite of the chain, which verifies on its own, is refused by it", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    await append(t.org.id, 4);
    await append(other.org.id, 2);
    const anchor = await anchorOf(t.org.id, other.org.id);
    expect(anchor.heads.map((h) => [h.organizationSlug, h.seq])).toEqual([
      [t.org.slug, 4],
      [other.org.slug, 2],
    ]);

    await append(t.org.id, 2); // appending is what chains do: the anchored event is still there
    expect(await checkAnchor(db(), anchor)).toEqual([]);

    await rewriteAllUnkeyed(t.org.id);
    expect(await checkAnchor(db(), anchor)).toEqual([
      {
        organizationId: t.org.id,
        organizationSlug: t.org.slug,
        seq: 4,
        reason: "the anchored event's hash has changed (rewritten)",
      },
    ]);
  });

  it("an anchored event that is gone fails the check, naming it", async () => {
    const t = await makeTenant();
    await append(t.org.id, 3);
    const anchor = await anchorOf(t.org.id);
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "organizationId" = ${t.org.id}::uuid AND seq = 3`;
    });
    expect(await checkAnchor(db(), anchor)).toEqual([
      { organizationId: t.org.id, organizationSlug: t.org.slug, seq: 3, reason: "the anchored event is gone" },
    ]);
  });

  it("audit:verify --anchor checks the anchor, and refuses a tampered anchor file before reading any chain", async () => {
    const t = await makeTenant();
    await append(t.org.id, 3);
    const anchor = await anchorOf(t.org.id);
    const good = path.join(dir, "good.json");
    writeFileSync(good, JSON.stringify(anchor));
    const ok = await cli("scripts/audit-verify.ts", ["--anchor", good]);
    // other test files break their own chains on purpose, so only this file's lines are asserted
    expect(ok.out).toContain(`organization ${t.org.id} (${t.org.slug}): 3 events (3 keyed), chain verifies`);
    expect(ok.out).toContain(
      `anchor ${good} of ${anchor.createdAt}: signature valid, all 1 anchored heads still in their chains`,
    );

    // someone rewrites the chain and "fixes" the anchor to match: without the key the signature gives it away
    await rewriteAllUnkeyed(t.org.id);
    const head = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, seq: 3 } });
    const tampered = path.join(dir, "tampered.json");
    writeFileSync(tampered, JSON.stringify({ ...anchor, heads: [{ ...anchor.heads[0]!, hash: head.hash }] }));
    const refused = await cli("scripts/audit-verify.ts", ["--anchor", tampered]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe(
      `anchor ${tampered}: REFUSED: the signature does not match (the file was changed, or WARDEN_AUDIT_KEY is not the key it was signed with)\n`,
    );

    // the genuine anchor names the rewritten organization and event
    const failed = await cli("scripts/audit-verify.ts", ["--anchor", good]);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(
      `anchor ${good}: organization ${t.org.id} (${t.org.slug}) event #3: FAILED: the anchored event's hash has changed (rewritten)`,
    );
  }, 90_000);

  it("audit:verify and audit:anchor refuse to run without the audit key, naming it", async () => {
    for (const script of ["scripts/audit-verify.ts", "scripts/audit-anchor.ts"]) {
      const r = await run("node_modules/.bin/tsx", ["--conditions=react-server", script], {
        env: { ...process.env, WARDEN_AUDIT_KEY: "" },
      }).then(
        () => ({ code: 0, err: "" }),
        (e: { code: number; stderr: string }) => ({ code: e.code, err: e.stderr }),
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain("WARDEN_AUDIT_KEY is required");
    }
  }, 60_000);
});
