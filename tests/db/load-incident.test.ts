import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { loadIncident } from "@/server/services/incidents/common";
import { writeCipher } from "@/server/crypto/incident-keys";
import { NOT_FOUND_MESSAGE } from "@/server/services/result";

// loadIncident reads with one raw statement (every write starts there): it must give exactly what
// the ORM gives for the same row, and refuse exactly what the scope refuses.
describe("loadIncident", () => {
  it("returns the row as the ORM reads it, every column and type, and its data key with it", async () => {
    const t = await makeTenant();
    const ctx = await ctxFor(t.analyst.id);
    const { id } = await logIncident(ctx, t.clientA.id, {
      dataCategories: ["PERSONAL", "HEALTH", "FINANCIAL"],
      jurisdictions: ["US-CA", "DE"],
    });
    const orm = await db().incident.findUniqueOrThrow({ where: { id } });
    await db().$transaction(async (tx) => {
      const raw = await loadIncident(tx, ctx, id, { lock: true });
      expect(raw).toEqual(orm);
      expect(Object.keys(raw).sort()).toEqual(Object.keys(orm).sort());
      // the key came with the row: sealing needs no read of its own
      const cipher = await writeCipher(tx, raw);
      expect(cipher.open("note.body", cipher.seal("note.body", "x"))).toBe("x");
    });
  });

  it("answers not found for another client's incident, another organization's, a missing id and a malformed one", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const { id: ofClientB } = await logIncident(await ctxFor(t.manager.id), t.clientB.id);
    const { id: ofOtherOrg } = await logIncident(await ctxFor(other.manager.id), other.clientA.id);
    const analyst = await ctxFor(t.analyst.id); // works for client A only
    for (const id of [ofClientB, ofOtherOrg, crypto.randomUUID(), "not-a-uuid"]) {
      await expect(db().$transaction((tx) => loadIncident(tx, analyst, id))).rejects.toMatchObject({
        failure: { code: "NOT_FOUND", message: NOT_FOUND_MESSAGE },
      });
    }
  });
});
