import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { ownOrganization, signIn } from "./support";
import { E2E_SEED_MASTER_KEYS, E2E_WARDEN_AUDIT_KEY, E2E_WARDEN_MASTER_KEYS } from "./secret";

// The server runs with a new master key first and the seed's key after it (tests/e2e/secret.ts):
// `npm run keys:rotate` re-wraps the data keys while the app serves, and the incident page reads
// the same text before, during and after. An organization of this spec's own, whose incident the
// seed's old key wraps; the rotation is limited to it, so no other spec's keys move under it.

function rotate(slug: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join("node_modules", "tsx", "dist", "cli.mjs"),
        "--conditions=react-server",
        path.join("scripts", "keys-rotate.ts"),
        "--organization",
        slug,
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: process.env.E2E_DATABASE_URL,
          WARDEN_MASTER_KEYS: E2E_WARDEN_MASTER_KEYS,
          WARDEN_AUDIT_KEY: E2E_WARDEN_AUDIT_KEY,
        },
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

test("the master key is rotated while the app serves, and incident text reads the same throughout", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // the demo's ransomware story, its data key wrapped under the old master key as the seed wraps them
  const org = await ownOrganization({ incident: "0:IDENTIFY", masterKeys: E2E_SEED_MASTER_KEYS });
  const incident = org.incident!;
  const wrappedBy = async () => {
    const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ masterKeyId: string }>(
        `SELECT "masterKeyId" FROM "IncidentKey" WHERE "incidentId" = $1`,
        [incident.id],
      );
      return rows.map((r) => r.masterKeyId);
    } finally {
      await db.end();
    }
  };
  expect(await wrappedBy()).toEqual(["e2e1"]);
  await signIn(page, org.accounts.manager);
  await page.goto(`/incidents/${incident.id}`);
  const internal = page.getByText("EDR flagged mass file encryption on the claims share", { exact: false }).first();
  await expect(internal).toBeVisible();
  const url = page.url();

  const rotation = rotate(org.slug);
  let reads = 0;
  for (let done = false; !done;) {
    done = await Promise.race([rotation.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))]);
    await page.goto(url);
    await expect(internal).toBeVisible();
    reads += 1;
  }
  const { code, out } = await rotation;
  expect(out).toContain('keys:rotate: 1 data key re-wrapped under master key "e2e2".');
  expect(out).toContain(`no data key of organization "${org.slug}" is wrapped by "e2e1" any more`);
  expect(code).toBe(0);
  expect(await wrappedBy()).toEqual(["e2e2"]);
  expect(reads).toBeGreaterThan(0);
  await page.goto(url);
  await expect(internal).toBeVisible();
});
