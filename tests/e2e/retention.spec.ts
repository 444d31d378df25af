import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, signIn } from "./support";

// Two incidents of this spec's own in the demo organization, on a client the demo analyst works
// for: one closed almost six years ago (due for erasure in ten days under the default retention),
// and the tombstone of one already erased. Nothing here touches other specs' incidents.
const due = { id: randomUUID(), reference: `INC-2020-${9000 + Math.floor(Math.random() * 900)}` };
const erased = { id: randomUUID(), reference: `INC-2019-${9000 + Math.floor(Math.random() * 900)}` };
const shots = process.env.RETENTION_SHOTS_DIR;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const insert = `
      INSERT INTO "Incident" (id, "organizationId", "clientId", reference, title, summary, type, severity, "severityRank", phase, resolution,
        "reporterId", "detectedAt", "awareAt", "phaseEnteredAt", "closedAt", "dataCategories", jurisdictions, "updatedAt", "updatedById", "erasedAt", "erasurePolicy")
      SELECT $1::uuid, c."organizationId", c.id, $2, $3, $4, 'DATA_BREACH', 'MEDIUM', 2, 'CLOSED', 'RESOLVED',
        u.id, $5::timestamp, $5::timestamp, $6::timestamp, $6::timestamp, '{}', '{}', now(), u.id, $7::timestamp, $8
      FROM "User" u JOIN "ClientAssignment" a ON a."userId" = u.id JOIN "Client" c ON c.id = a."clientId"
      WHERE u.email = $9 ORDER BY c.name LIMIT 1`;
    const closed = new Date(Date.now() + 10 * 86_400_000);
    closed.setUTCFullYear(closed.getUTCFullYear() - 6);
    const detected = new Date(closed.getTime() - 20 * 86_400_000);
    await client.query(insert, [
      due.id,
      due.reference,
      "Misdirected claims export",
      "A claims export went to the wrong partner.",
      detected.toISOString(),
      closed.toISOString(),
      null,
      null,
      ACCOUNTS.analyst,
    ]);
    const older = new Date(Date.now() - 7 * 366 * 86_400_000);
    await client.query(insert, [
      erased.id,
      erased.reference,
      "Erased incident",
      "",
      older.toISOString(),
      older.toISOString(),
      new Date(Date.now() - 86_400_000).toISOString(),
      "Client retention: 6 years after closing (demo contract)",
      ACCOUNTS.analyst,
    ]);
  } finally {
    await client.end();
  }
});

/** The page at a laptop's and at a phone's width, for a person to look at (RETENTION_SHOTS_DIR). */
async function shoot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a manager sets a legal hold with a reason, everyone sees it, an analyst cannot lift it, the manager lifts it", async ({
  page,
  browser,
}) => {
  await signIn(page, ACCOUNTS.manager);
  await page.goto(`/incidents/${due.id}`);
  const section = page.getByRole("region", { name: "Retention and legal hold" });
  await expect(section).toContainText("its content is erased from");
  await section.getByRole("button", { name: "Set a legal hold" }).click();
  await expect(section.getByText("Say why (a case, an inquiry, counsel's instruction).")).toBeVisible();
  await section
    .getByLabel("Why it must be kept")
    .fill("Smith v. Northwind, case 24-cv-113: counsel asked to keep everything");
  await section.getByRole("button", { name: "Set a legal hold" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "Legal hold set: this incident will not be erased while it stands.",
  );
  await expect(page.getByText("Legal hold", { exact: true })).toBeVisible();
  await expect(section).toContainText("Smith v. Northwind");
  await shoot(page, "incident-held");

  // the analyst sees that it is held, but neither the reason nor a way to lift it
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, ACCOUNTS.analyst);
  await analyst.goto(`/incidents/${due.id}`);
  await expect(analyst.getByText("Legal hold", { exact: true })).toBeVisible();
  await expect(analyst.getByRole("region", { name: "Retention and legal hold" })).toHaveCount(0);
  await expect(analyst.getByText("Smith v. Northwind")).toHaveCount(0);
  await analystContext.close();

  await section.getByLabel("Why the hold is lifted").fill("Case settled; counsel released the hold");
  await section.getByRole("button", { name: "Lift the legal hold" }).click();
  await expect(section.getByRole("status")).toHaveText("Legal hold lifted.");
  await expect(page.getByText("Legal hold", { exact: true })).toHaveCount(0);
});

test("an administrator sees what is erased in the next 30 days, and the tombstone of an erased incident", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin");
  const preview = page.getByRole("region", { name: "Erasure in the next 30 days" });
  const row = preview.getByRole("row", { name: new RegExp(due.reference) });
  await expect(row).toContainText("Client retention: 6 years after closing");
  await preview.scrollIntoViewIfNeeded();
  await shoot(page, "admin-preview");

  await page.goto(`/incidents/${erased.id}`);
  await expect(page.getByRole("heading", { name: "Erased incident" })).toBeVisible();
  await expect(page.getByText(/was erased on .* under the policy .*its content no longer exists/)).toContainText(
    erased.reference,
  );
  await shoot(page, "erased");
  const report = await page.request.get(`/api/incidents/${erased.id}/report?format=md`);
  expect(report.status()).toBe(410);
  expect((await report.json()).error.message).toContain("its content no longer exists");
});
