import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_ORGANIZATION } from "../../prisma/demo-data";
import { ACCOUNTS, signIn } from "./support";
import { E2E_WARDEN_AUDIT_KEY, E2E_WARDEN_MASTER_KEYS } from "./secret";

// The server runs with a new master key first and the seed's key after it (tests/e2e/secret.ts):
// `npm run keys:rotate` re-wraps the demo's data keys while the app serves, and the incident
// pages read the same text before, during and after.

function rotate(): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join("node_modules", "tsx", "dist", "cli.mjs"),
        "--conditions=react-server",
        path.join("scripts", "keys-rotate.ts"),
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
  await signIn(page, ACCOUNTS.manager);
  // the demo's ransomware incident, whose data key the seed wrapped under the old master key
  // (other specs log incidents of the same title: the demo's is the first one made)
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  const { rows } = await db.query<{ id: string }>(
    `SELECT i.id FROM "Incident" i JOIN "Organization" o ON o.id = i."organizationId"
     WHERE o.slug = $1 AND i.title = 'Ransomware on claims-processing file server' ORDER BY i."createdAt" LIMIT 1`,
    [DEMO_ORGANIZATION.slug],
  );
  await db.end();
  await page.goto(`/incidents/${rows[0]!.id}`);
  const internal = page.getByText("EDR flagged mass file encryption on the claims share", { exact: false }).first();
  await expect(internal).toBeVisible();
  const url = page.url();

  const rotation = rotate();
  let reads = 0;
  for (let done = false; !done;) {
    done = await Promise.race([rotation.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))]);
    await page.goto(url);
    await expect(internal).toBeVisible();
    reads += 1;
  }
  const { code, out } = await rotation;
  expect(out).toMatch(/data keys? re-wrapped under master key "e2e2"/);
  expect(out).toContain('no data key is wrapped by "e2e1" any more');
  expect(code).toBe(0);
  expect(reads).toBeGreaterThan(0);
  await page.goto(url);
  await expect(internal).toBeVisible();
});
