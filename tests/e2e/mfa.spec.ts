import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { totpCode } from "../../src/domain/mfa/totp";
import { typeCode } from "./support";

// A person of this spec's own (an analyst of the demo organization, who must use a second
// factor and has none yet), so that nothing here depends on, or disturbs, other specs' accounts.
const email = `mfa-${randomUUID().slice(0, 8)}@warden.test`;
const password = "a long password for the mfa spec";

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const passwordHash = await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await client.query(
      `INSERT INTO "User" (id, "organizationId", email, name, "passwordHash", role, "updatedAt")
       SELECT gen_random_uuid(), o.id, $1, 'Mfa Spec Analyst', $2, 'ANALYST', now() FROM "Organization" o WHERE o.slug = 'northwind-bpo'`,
      [email, passwordHash],
    );
  } finally {
    await client.end();
  }
});

async function passwordStep(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
}

async function signInWithCode(browser: Browser, secret: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/verify/);
  await typeCode(page, (at) => totpCode(secret, at));
  await expect(page).toHaveURL(/\/incidents$/);
  return { context, page };
}

test("an analyst is made to enrol, signs in with a code and a recovery code, and signs out everywhere", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/enrol/);

  // nothing else first: pages send them back to enrolment, data answers nothing
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login\/enrol/);
  expect((await page.request.get("/api/staff")).status()).not.toBe(200);

  // no QR scanning: the secret is typed from the page
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpCode(secret, Date.now()));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = await codes.allTextContents();
  await page.getByRole("link", { name: /continue/ }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  await signOut(page);

  // the next sign-in asks for a code (the one used to enrol is refused: it has been used)
  await passwordStep(page);
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel("Code", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Code", { exact: true })).toHaveAccessibleDescription(
    /Type the 6-digit code from your authenticator app/,
  );
  await typeCode(page, (at) => totpCode(secret, at));
  await expect(page).toHaveURL(/\/incidents$/);
  await signOut(page);

  // a recovery code, once; the page says how many are left
  await passwordStep(page);
  await page.getByLabel("Code", { exact: true }).fill(recovery[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("You have 9 recovery codes left.")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  await page.getByRole("link", { name: "Security" }).first().click();
  await expect(page.getByText("Recovery codes left: 9")).toBeVisible();

  // from a second browser: sign out everywhere; the first browser is signed out too
  const second = await signInWithCode(browser, secret);
  await second.page.goto("/security");
  await expect(second.page.getByRole("listitem").filter({ hasText: "this browser" })).toHaveCount(1);
  await second.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(second.page).toHaveURL(/\/login$/);
  await second.context.close();

  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fincidents$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
