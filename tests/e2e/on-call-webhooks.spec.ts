import { expect, test } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, ownOrganization, signIn } from "./support";

// On call and webhooks out, as people use them: the administrator is refused a loopback URL with
// the reason on the field, allows private addresses, sees the secret once and sends a test; the
// manager sees who is on call by each rota; the analyst sees who is on call on an incident of the
// client the demo's Mercy Regional Health rota covers. The subscription is made in an
// organization of this spec's own: every later event of its organization is delivered to it.

test("an administrator subscribes a webhook: a loopback URL is refused on the field, then allowed, secret shown once, test sent", async ({
  page,
}) => {
  const org = await ownOrganization();
  await signIn(page, org.accounts.admin);
  await page.goto("/admin/webhooks");
  const form = page.getByRole("form", { name: "New webhook subscription" });
  await form.getByLabel("URL").fill("http://127.0.0.1:9/warden-e2e");
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(
    form.getByText(/points at a loopback address \(127\.0\.0\.1\); only an administrator can allow private addresses/),
  ).toBeVisible();
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel(/Allow private and loopback addresses/).check();
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(form.getByLabel(/Signing secret/)).toHaveValue(/^whsec_[\w-]{43}$/);
  await page.reload();
  // shown once: after a reload no secret is on the page
  await expect(page.getByLabel(/Signing secret/)).toHaveCount(0);
  const section = page.getByRole("region", { name: /127\.0\.0\.1:9\/warden-e2e/ }).first();
  await section.getByRole("button", { name: /^Send test to / }).click();
  await expect(section.getByText("Test event queued")).toBeVisible();
});

test("the manager sees who is on call by each rota", async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await page.goto("/on-call");
  const rota = page.getByRole("region", { name: /Mercy Regional Health standby/ });
  await expect(rota.getByText(/On call now: (Priya Natarajan|Morgan Reyes) \(until /)).toBeVisible();
});

test("the analyst sees who is on call on an incident of a client with a rota", async ({ page }) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  let id: string;
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT i.id FROM "Incident" i JOIN "Client" c ON c.id = i."clientId"
       WHERE c.name = 'Mercy Regional Health' AND i."erasedAt" IS NULL ORDER BY i."createdAt" LIMIT 1`,
    );
    id = rows[0]!.id;
  } finally {
    await client.end();
  }
  await signIn(page, ACCOUNTS.analyst);
  await page.goto(`/incidents/${id}`);
  const box = page.getByRole("region", { name: "On call" });
  await expect(
    box.getByText(/On call now: (Priya Natarajan|Morgan Reyes) \(until .*\), secondary (Morgan Reyes|Priya Natarajan)/),
  ).toBeVisible();
});
